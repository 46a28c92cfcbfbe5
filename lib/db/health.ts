import { stmt } from "./sqlite";

export type Health = { ok: true; db: "ok"; migrations: number } | { ok: false; db: "error"; error: string };

/** Whether the database answers, and how many migrations it has applied. */
export async function checkHealth(): Promise<Health> {
  try {
    const n = stmt(`SELECT count(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`).pluck().get() as number;
    return { ok: true, db: "ok", migrations: n };
  } catch (e) {
    return { ok: false, db: "error", error: e instanceof Error ? e.message.split("\n")[0]! : String(e) };
  }
}
