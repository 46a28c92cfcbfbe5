// Request shapes of the card browser's API (and of /browse's URL).
import { z } from "zod";
import { MAX_QUERY_LENGTH } from "../browse/query";
import { SORTS } from "../db/browse-sql";
import { CARD_ACTIONS, FLAG_ACTIONS, FLAG_REASONS } from "../db/bulk-actions";
import type { BrowseRow } from "../db/browse";
import { session } from "./review-schemas";

export const browseQuery = z.object({
  q: z.string().max(MAX_QUERY_LENGTH).default(""),
  sort: z.enum(SORTS).default("due"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

/** The URL of /browse is forgiving: a bad sort or page falls back to the default instead of failing. */
export function browseParamsFromUrl(sp: Record<string, string | string[] | undefined>) {
  const one = (k: string) => (Array.isArray(sp[k]) ? sp[k][0] : sp[k]);
  const pick = <K extends keyof z.infer<typeof browseQuery>>(k: K) => {
    const r = browseQuery.shape[k].safeParse(one(k));
    return (r.success ? r.data : browseQuery.shape[k].parse(undefined)) as z.infer<typeof browseQuery>[K];
  };
  return { q: (one("q") ?? "").slice(0, MAX_QUERY_LENGTH), sort: pick("sort"), dir: pick("dir"), page: pick("page") };
}

const dayLabel = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");

export const MAX_SELECTION = 1000;

export const bulkBody = z
  .object({
    action: z.enum([...CARD_ACTIONS, ...FLAG_ACTIONS]),
    /** The selected cards, or every card a search matches. */
    ids: z.array(z.number().int().positive()).min(1).max(MAX_SELECTION).optional(),
    q: z.string().max(MAX_QUERY_LENGTH).optional(),
    due: z
      .union([
        z.object({ date: dayLabel }).strict(),
        z
          .object({ from: z.number().int().min(0).max(36500), to: z.number().int().min(0).max(36500) })
          .strict()
          .refine((d) => d.from <= d.to, "from must not be after to"),
      ])
      .optional(),
    reason: z.enum(FLAG_REASONS).optional(),
    note: z.string().trim().max(1000).optional(),
    /** The study session whose undo stack the action goes on (as the review page's). */
    sessionId: session,
  })
  .strict()
  .refine((b) => (b.ids === undefined) !== (b.q === undefined), "give either ids (the selection) or q (every card a search matches)")
  .refine((b) => b.action !== "set-due" || b.due !== undefined, { message: "set-due needs due: { date } or { from, to }", path: ["due"] })
  .refine((b) => b.action !== "flag" || b.reason !== undefined, { message: "flag needs a reason", path: ["reason"] });

export const flagBody = z.object({ reason: z.enum(FLAG_REASONS), note: z.string().trim().max(1000).default(""), sessionId: session }).strict();
export const unflagBody = z.object({ sessionId: session }).strict();

export type BrowseCardDto = Omit<BrowseRow, "due" | "lastReview" | "createdAt"> & { due: string; lastReview: string | null; createdAt: string };

export const browseCardDto = (r: BrowseRow): BrowseCardDto => ({
  ...r,
  due: new Date(r.due).toISOString(),
  lastReview: r.lastReview === null ? null : new Date(r.lastReview).toISOString(),
  createdAt: new Date(r.createdAt).toISOString(),
});
