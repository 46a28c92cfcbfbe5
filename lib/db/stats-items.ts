/**
 * SQL for lib/stats: the content items (notes) with the lowest predicted
 * recall — the "weakest first" list. An item's predicted recall is its
 * weakest reviewed live card's, at max(1, elapsed) study days (the same "no
 * card counts as just seen" rule as the page's "cards you would recall"); an
 * item is as weak as its weakest card, and a mean would let a strong sibling
 * hide a forgotten one.
 *
 * Cost (100k cards): recall falls with days/stability, so the weakest cards
 * are found by ordering on that ratio with a LIMIT (SQLite keeps a small heap,
 * no curve per card, no full sort); only the chosen items' cards get the
 * curve, in a second small query by Card(noteId, kind).
 */
import type { WeakItem } from "../stats/types";
import { jsonRows, studyDaySql, type DayClock, type Db } from "./stats-queries";

export interface WeakItemQuery {
  deckId: number | null;
  today: number;
  clock: DayClock;
  decay: number;
  factor: number;
  masteryThreshold: number;
  masteryHorizonDays: number;
  kinds: readonly string[];
  limit: number;
}

/** A weakest-first item as lib/stats describes it, plus its note (for links and tests). */
export type WeakItemRow = WeakItem & { noteId: number };

const quote = (k: string) => `'${k.replace(/'/g, "''")}'`;

export async function weakestItems(client: Db, q: WeakItemQuery): Promise<WeakItemRow[]> {
  if (q.kinds.length === 0 || q.limit <= 0) return [];
  const kinds = q.kinds.map(quote).join(", ");
  const deckSql = q.deckId === null ? "" : " AND c.deckId = ?";
  const elapsed = (alias: string) => `max(0, ? - ${studyDaySql(`${alias}.last_review`, q.clock)})`;
  const reviewed = (alias: string) => `${alias}.state <> 0 AND ${alias}.last_review IS NOT NULL AND ${alias}.stability > 0`;
  // Candidates: the weakest cards, a few per item to spare (an item has a handful of cards).
  const candidates = await jsonRows<number>(
    client,
    `SELECT json_group_array(noteId) AS j FROM (
       SELECT c.noteId AS noteId FROM "Card" c NOT INDEXED CROSS JOIN "Note" n ON n.id = c.noteId
        WHERE c.retired = 0 AND n.retired = 0 AND n.kind IN (${kinds}) AND ${reviewed("c")}${deckSql}
        ORDER BY max(1, ${elapsed("c")}) / c.stability DESC, n.key, c.kind
        LIMIT ?)`,
    ...(q.deckId === null ? [] : [q.deckId]),
    q.today,
    q.limit * 8,
  );
  const noteIds = [...new Set(candidates)].slice(0, q.limit);
  if (noteIds.length === 0) return [];
  const curve = (days: string) => `round(pow(1.0 + ? * (${days}) / c.stability, ?), 8)`;
  const rows = await jsonRows<[number, string, string, string, string, string, number, number, number, number, number, number[]]>(
    client,
    `SELECT json_group_array(json_array(noteId, key, kind, topic, deckKey, name, cards, reviewed, mastered, recall, weakest, json(cardIds))) AS j FROM (
       SELECT n.id AS noteId, n.key AS key, n.kind AS kind, n.topic AS topic, d.key AS deckKey,
              coalesce(json_extract(n.fields, '$.term'), json_extract(n.fields, '$.title'), json_extract(n.fields, '$.name'),
                       json_extract(n.fields, '$.text'), n.key) AS name,
              count(*) AS cards, count(x.r1) AS reviewed, total(x.m) AS mastered, min(x.r1) AS recall, x.id AS weakest,
              json_group_array(x.id) AS cardIds
         FROM (SELECT c.id AS id, c.noteId AS noteId,
                      CASE WHEN ${reviewed("c")} THEN ${curve(`max(1, ${elapsed("c")})`)} END AS r1,
                      CASE WHEN ${reviewed("c")} AND c.lastRating IS NOT 1 THEN ${curve(`${elapsed("c")} + ${Math.trunc(q.masteryHorizonDays)}`)} >= ? ELSE 0 END AS m
                 FROM "Card" c
                WHERE c.noteId IN (SELECT value FROM json_each(?)) AND c.retired = 0
                ORDER BY c.id) x
         JOIN "Note" n ON n.id = x.noteId JOIN "Deck" d ON d.id = n.deckId
        GROUP BY n.id
        ORDER BY recall, n.key)`,
    q.factor,
    q.today,
    q.decay,
    q.factor,
    q.today,
    q.decay,
    q.masteryThreshold,
    JSON.stringify(noteIds),
  );
  return rows.map(([noteId, key, kind, topic, deckKey, name, cards, reviewed, mastered, recall, weakestCardId, cardIds]) => ({
    noteId,
    key,
    kind,
    topic,
    deckKey,
    name: String(name),
    cards,
    reviewed,
    mastered,
    recall,
    weakestCardId,
    cardIds,
  }));
}
