import { z } from "zod";
import { parseQuery } from "@/lib/api/http";
import { historyCsv } from "@/lib/db/history-export";

export const dynamic = "force-dynamic";

const query = z.object({ format: z.enum(["fsrs", "anki"]).default("fsrs") });

/** The review history as a CSV download (?format=fsrs, the default, or anki). */
export async function GET(req: Request) {
  const q = parseQuery(req.url, query);
  if (!q.ok) return q.response;
  const name = q.data.format === "fsrs" ? "cardinal-reviews-fsrs.csv" : "cardinal-revlog-anki.csv";
  return new Response(historyCsv(q.data.format), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"` },
  });
}
