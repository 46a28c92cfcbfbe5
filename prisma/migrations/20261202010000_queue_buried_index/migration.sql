-- The queue's "due tomorrow" counts a review card due today but buried until tomorrow (max(due, buriedUntil)),
-- as the forecast does. Finding those few cards through Card_live_state_due_idx walks every overdue review
-- card's entry (lib/db/queue.ts reviewsDueTomorrow); this index holds only buried live cards, by state and
-- buriedUntil, with due and deckId so the count reads the index alone. PARTIAL, like the other queue indexes
-- (20261129020000_queue_indexes): schema.prisma cannot declare it; tests/integration/schema-drift.test.ts
-- checks it. A query uses it when it repeats the live terms literally; `buriedUntil >= ?` implies the
-- `buriedUntil IS NOT NULL` term.

-- CreateIndex
CREATE INDEX "Card_live_buried_idx" ON "Card"("state", "buriedUntil", "due", "deckId") WHERE buriedUntil IS NOT NULL AND retired = 0 AND suspended = 0 AND leech = 0;
