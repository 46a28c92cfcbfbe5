-- Indexes for the queue fetch and the statistics at 100k cards / 1M review logs.

-- Queue (lib/db/queue.ts): live cards only. These are PARTIAL indexes, which
-- schema.prisma cannot declare (tests/integration/schema-drift.test.ts checks
-- them separately). SQLite uses a partial index only when the query repeats
-- its WHERE terms literally: every queue query says
-- `retired = 0 AND suspended = 0 AND leech = 0`.
-- The due indexes end with `id, buriedUntil`: the learning counts and the
-- reviews due tomorrow are then read from the index alone, and listing `id`
-- before `buriedUntil` keeps the index order exactly the queue's
-- `ORDER BY due, id`. The position indexes order new cards by `position, id`
-- (the row id) and leave `buriedUntil` out, so that burying a sibling on every
-- answer does not rewrite them.

-- Card(deckId, state, due) served the queue before these; every answer
-- rewrote its entry (due changes). What else filters by deck only needs deckId,
-- which never changes.

-- DropIndex
DROP INDEX "Card_deckId_state_due_idx";

-- CreateIndex
CREATE INDEX "Card_deckId_idx" ON "Card"("deckId");

-- CreateIndex
CREATE INDEX "Card_live_deckId_state_due_idx" ON "Card"("deckId", "state", "due", "id", "buriedUntil") WHERE retired = 0 AND suspended = 0 AND leech = 0;

-- CreateIndex
CREATE INDEX "Card_live_deckId_state_position_idx" ON "Card"("deckId", "state", "position") WHERE retired = 0 AND suspended = 0 AND leech = 0;

-- CreateIndex
CREATE INDEX "Card_live_state_due_idx" ON "Card"("state", "due", "id", "buriedUntil") WHERE retired = 0 AND suspended = 0 AND leech = 0;

-- CreateIndex
CREATE INDEX "Card_live_state_position_idx" ON "Card"("state", "position") WHERE retired = 0 AND suspended = 0 AND leech = 0;

-- Statistics (lib/db/stats-queries.ts) and today's counts of the queue: the
-- answers of a time range, with everything they are grouped by, from the
-- index alone.

-- CreateIndex
CREATE INDEX "ReviewLog_reviewedAt_covering_idx" ON "ReviewLog"("reviewedAt", "cardId", "state", "rating", "source", "scheduled_days", "durationMs");
