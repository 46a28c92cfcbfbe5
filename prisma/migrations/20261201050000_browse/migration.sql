-- The card browser (issue 14): full-text search, learners' flags, undoable bulk actions.

-- Full-text index over what a learner remembers a card by: its prompt and
-- answer (from the payload JSON), its note's text fields and source quote.
-- rowid = Card.id. A virtual table, so schema.prisma cannot declare it; the
-- triggers below keep it in step with every write to Card and Note (the
-- content sync, restores, anything), so no code path can forget to.
CREATE VIRTUAL TABLE "CardSearch" USING fts5(prompt, answer, fields, quote, tokenize = 'porter unicode61 remove_diacritics 2');

-- Text that is not JSON indexes as nothing rather than failing the write.
-- Only columns the index reads fire these: answering a card (due, stability,
-- ...) does not touch the index.
CREATE TRIGGER "Card_search_insert" AFTER INSERT ON "Card" BEGIN
  INSERT INTO "CardSearch" (rowid, prompt, answer, fields, quote)
  SELECT new.id, CASE WHEN json_valid(new.payload) THEN json_extract(new.payload, '$.prompt') END, CASE WHEN json_valid(new.payload) THEN json_extract(new.payload, '$.answer') END,
         (SELECT group_concat(t.value, ' ') FROM json_tree(CASE WHEN json_valid(n.fields) THEN n.fields ELSE '{}' END) t WHERE t.type = 'text'), n.sourceQuote
  FROM "Note" n WHERE n.id = new.noteId;
END;

CREATE TRIGGER "Card_search_update" AFTER UPDATE OF payload, noteId ON "Card" BEGIN
  DELETE FROM "CardSearch" WHERE rowid = old.id;
  INSERT INTO "CardSearch" (rowid, prompt, answer, fields, quote)
  SELECT new.id, CASE WHEN json_valid(new.payload) THEN json_extract(new.payload, '$.prompt') END, CASE WHEN json_valid(new.payload) THEN json_extract(new.payload, '$.answer') END,
         (SELECT group_concat(t.value, ' ') FROM json_tree(CASE WHEN json_valid(n.fields) THEN n.fields ELSE '{}' END) t WHERE t.type = 'text'), n.sourceQuote
  FROM "Note" n WHERE n.id = new.noteId;
END;

CREATE TRIGGER "Card_search_delete" AFTER DELETE ON "Card" BEGIN
  DELETE FROM "CardSearch" WHERE rowid = old.id;
END;

CREATE TRIGGER "Note_search_update" AFTER UPDATE OF fields, sourceQuote ON "Note" BEGIN
  DELETE FROM "CardSearch" WHERE rowid IN (SELECT id FROM "Card" WHERE noteId = new.id);
  INSERT INTO "CardSearch" (rowid, prompt, answer, fields, quote)
  SELECT c.id, CASE WHEN json_valid(c.payload) THEN json_extract(c.payload, '$.prompt') END, CASE WHEN json_valid(c.payload) THEN json_extract(c.payload, '$.answer') END,
         (SELECT group_concat(t.value, ' ') FROM json_tree(CASE WHEN json_valid(new.fields) THEN new.fields ELSE '{}' END) t WHERE t.type = 'text'), new.sourceQuote
  FROM "Card" c WHERE c.noteId = new.id;
END;

-- Cards that exist already.
INSERT INTO "CardSearch" (rowid, prompt, answer, fields, quote)
SELECT c.id, CASE WHEN json_valid(c.payload) THEN json_extract(c.payload, '$.prompt') END, CASE WHEN json_valid(c.payload) THEN json_extract(c.payload, '$.answer') END,
       (SELECT group_concat(t.value, ' ') FROM json_tree(CASE WHEN json_valid(n.fields) THEN n.fields ELSE '{}' END) t WHERE t.type = 'text'), n.sourceQuote
FROM "Card" c JOIN "Note" n ON n.id = c.noteId;

-- CreateTable
CREATE TABLE "CardFlag" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "cardId" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CardFlag_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BulkAction" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "snapshot" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "undoneAt" DATETIME
);

-- CreateIndex
CREATE UNIQUE INDEX "CardFlag_cardId_key" ON "CardFlag"("cardId");
