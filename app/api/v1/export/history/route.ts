import { z } from "zod";
import { otherMethods, route } from "@/lib/api/route";
import { historyCsv } from "@/lib/services/export";

export const dynamic = "force-dynamic";

const query = z.object({ format: z.enum(["fsrs", "anki"]).default("fsrs") });

/** The review history as a CSV download (?format=fsrs, the default, or anki). */
export const GET = route({ query }, ({ query }) => {
  const name = query.format === "fsrs" ? "cardinal-reviews-fsrs.csv" : "cardinal-revlog-anki.csv";
  return new Response(historyCsv(query.format), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"` },
  });
});
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
