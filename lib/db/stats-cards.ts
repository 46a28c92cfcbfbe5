/**
 * SQL for lib/stats: the live cards, each handed to a CardTally (lib/stats/
 * card-tally.ts) in one sequential scan of Card with the note looked up by
 * primary key (`NOT INDEXED` + `CROSS JOIN`: otherwise SQLite may walk an
 * index and read Card rows in random order, several times slower).
 */
import { CardTally, type CardFigures, type CardTallyContext } from "../stats/card-tally";
import { feed } from "./stats-feed";
import type { Db } from "./stats-queries";

const VALUES = [
  "c.deckId",
  "n.topic",
  "n.kind",
  "c.noteId",
  "n.key",
  "c.kind",
  "c.state",
  "c.suspended",
  "c.leech",
  "c.due",
  "c.buriedUntil",
  "c.stability",
  "c.difficulty",
  "c.last_review",
  "c.lastRating",
] as const;

/** Every card figure of one deck (deckId) or of all decks (null). */
export function cardFigures(client: Db, deckId: number | null, context: CardTallyContext): CardFigures {
  const tally = new CardTally(context);
  const deckSql = deckId === null ? "" : " AND c.deckId = ?";
  feed(
    client,
    "cardinal_card_tally",
    VALUES.length,
    tally.add.bind(tally),
    `SELECT cardinal_card_tally(${VALUES.join(", ")}) AS n
       FROM "Card" c NOT INDEXED CROSS JOIN "Note" n ON n.id = c.noteId
      WHERE c.retired = 0 AND n.retired = 0${deckSql}`,
    ...(deckId === null ? [] : [deckId]),
  );
  return tally.result();
}
