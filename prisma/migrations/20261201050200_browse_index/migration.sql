-- The card browser at 100k cards: every column its filters and sorts read,
-- without the payload, so counting and sorting the matches scans this narrow
-- index instead of the wide Card rows (3-4x less work in the bench).
-- Answering a card moves its entry (due, stability... change), as it does in
-- the queue's indexes; see npm run bench for the answer path.

-- CreateIndex
CREATE INDEX "Card_browse_idx" ON "Card"("retired", "state", "due", "suspended", "buriedUntil", "leech", "lapses", "reps", "stability", "difficulty", "scheduled_days", "last_review", "createdAt", "deckId", "noteId", "kind");
