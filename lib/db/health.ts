import { db } from "./client";

export type Health = { ok: true; db: "ok"; migrations: number } | { ok: false; db: "error"; error: string };

export async function checkHealth(): Promise<Health> {
  try {
    const rows = await db().$queryRawUnsafe<{ n: number | bigint }[]>(
      `SELECT count(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return { ok: true, db: "ok", migrations: Number(rows[0]?.n ?? 0) };
  } catch (e) {
    return { ok: false, db: "error", error: e instanceof Error ? e.message.split("\n")[0]! : String(e) };
  }
}
