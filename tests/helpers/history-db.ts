// Writes a review history (e.g. the Anki CSV or a synthetic one) into
// Cardinal's own tables: one deck, one note and card per history card, one
// ReviewLog row per review. Raw SQL in one transaction (the bench loads 41,847
// rows this way). Columns follow prisma/migrations; dates are epoch ms.
import type Database from "better-sqlite3";
import type { CsvReview } from "@/lib/fsrs-fit/csv";

export function insertHistory(db: Database.Database, reviews: readonly CsvReview[], o: { deckKey?: string; quizEvery?: number } = {}): Map<string, number> {
  const now = Date.now();
  const cardIds = new Map<string, number>();
  const deckKey = o.deckKey ?? "history";
  db.transaction(() => {
    const deckId = Number(
      db
        .prepare(`INSERT INTO Deck (key, title, sourceFile, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)`)
        .run(deckKey, "History", `content/${deckKey}/talk.md`, now, now).lastInsertRowid,
    );
    const insNote = db.prepare(
      `INSERT INTO Note (deckId, key, kind, topic, fields, sourceQuote, sourceLine, retired, createdAt, updatedAt) VALUES (?, ?, 'term', 'vocabulary', '{}', 'q', 1, 0, ?, ?)`,
    );
    const insCard = db.prepare(
      `INSERT INTO Card (noteId, deckId, kind, payload, position, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps, reps, lapses, state,
         last_review, suspended, buriedUntil, leech, retired, createdAt, updatedAt) VALUES (?, ?, 'recall', '{}', ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 0, NULL, 0, 0, ?, ?)`,
    );
    const insLog = db.prepare(
      `INSERT INTO ReviewLog (cardId, rating, state, due, stability, difficulty, elapsed_days, last_elapsed_days, scheduled_days, learning_steps, reviewedAt,
         durationMs, source, reviewId, snapshot) VALUES (?, ?, ?, ?, 0, 0, 0, 0, 0, 0, ?, ?, ?, ?, '{}')`,
    );
    let i = 0;
    for (const r of reviews) {
      let id = cardIds.get(r.cardId);
      if (id === undefined) {
        const noteId = Number(insNote.run(deckId, `${deckKey}-${r.cardId}`, now, now).lastInsertRowid);
        id = Number(insCard.run(noteId, deckId, cardIds.size, now, now, now).lastInsertRowid);
        cardIds.set(r.cardId, id);
      }
      const source = o.quizEvery && i % o.quizEvery === 0 ? "quiz" : "review";
      insLog.run(id, r.rating, r.state, r.reviewTime, r.reviewTime, r.durationMs, source, `${deckKey}-${i++}`);
    }
  })();
  return cardIds;
}
