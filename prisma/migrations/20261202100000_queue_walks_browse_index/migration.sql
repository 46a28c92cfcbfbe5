-- One index for the card browser and the all-decks queue (decision 0076).
-- The browser's covering index gains `id` after (retired, state, due): its
-- order is then the queue's (due, id) within a state, so the all-decks queue
-- walks it (retired = 0 AND state = ? AND due …), and Card_live_state_due_idx,
-- which every answer also had to move, goes. With `id` in the key an entry's
-- place depends only on (retired, state, due, id): burying, suspending or a
-- new lapse count rewrite it in place instead of moving it.
DROP INDEX "Card_browse_idx";
CREATE INDEX "Card_retired_state_due_idx" ON "Card"("retired", "state", "due", "id", "suspended", "buriedUntil", "leech", "lapses", "reps", "stability", "difficulty", "scheduled_days", "last_review", "createdAt", "deckId", "noteId", "kind");
DROP INDEX "Card_live_state_due_idx";
