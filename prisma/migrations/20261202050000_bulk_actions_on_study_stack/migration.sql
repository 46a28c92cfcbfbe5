-- One undo stack for every study action (issue 12 item 2, issue 14 item 2;
-- docs/decisions/0060-one-undo-stack-for-everything.md, superseding 0031):
-- bulk actions from /browse move from their own BulkAction table onto
-- StudyAction, and the old table goes.
--
-- StudyAction.partial: the action's rows are independent (a bulk action), so
-- undo restores the cards still as the action left them and skips the others.
ALTER TABLE "StudyAction" ADD COLUMN "partial" BOOLEAN NOT NULL DEFAULT false;

-- Existing bulk actions become actions of one session of their own,
-- "bulk-legacy": no page's session reaches them silently; naming that session
-- undoes them newest first, as before. Their snapshots become row changes:
--   cards: the columns the action wrote, as they were ("before"), and the
--          action's stamp as the row's updatedAt ("after": the old "still as we
--          left it" check, unchanged);
--   flags: the earlier flag, deleted by the action, comes back on undo; the
--          flag the action wrote (found by its stamp) is deleted on undo — if
--          it is gone, the card's group is stale and skipped, as before.
WITH ops AS (
  SELECT b.id AS actionId, CAST(c.key AS INTEGER) AS k, 0 AS ord,
         json_object('op', 'update', 'table', 'Card', 'id', json_extract(c.value, '$.id'), 'group', json_extract(c.value, '$.id'),
                     'before', json(json_remove(c.value, '$.id')), 'after', json_object('updatedAt', json_extract(b.snapshot, '$.stamp'))) AS op
    FROM "BulkAction" b, json_each(b.snapshot, '$.cards') c
  UNION ALL
  SELECT b.id, CAST(f.key AS INTEGER), 0,
         json_object('op', 'delete', 'table', 'CardFlag', 'id', json_extract(f.value, '$.before.id'), 'group', json_extract(f.value, '$.cardId'),
                     'before', json(json_extract(f.value, '$.before')), 'unique', json_array('cardId'))
    FROM "BulkAction" b, json_each(b.snapshot, '$.flags') f
   WHERE json_type(f.value, '$.before') = 'object'
  UNION ALL
  SELECT b.id, CAST(f.key AS INTEGER), 1,
         json_object('op', 'insert', 'table', 'CardFlag',
                     'id', coalesce((SELECT x.id FROM "CardFlag" x WHERE x.cardId = json_extract(f.value, '$.cardId') AND x.createdAt = json_extract(b.snapshot, '$.stamp')), -1),
                     'group', json_extract(f.value, '$.cardId'),
                     'after', json_object('cardId', json_extract(f.value, '$.cardId'), 'createdAt', json_extract(b.snapshot, '$.stamp')))
    FROM "BulkAction" b, json_each(b.snapshot, '$.flags') f
   WHERE b.kind = 'flag'
)
INSERT INTO "StudyAction" ("sessionId", "kind", "label", "cardId", "changes", "partial", "createdAt", "undoneAt")
SELECT 'bulk-legacy', 'bulk-' || b.kind, b.label, NULL,
       coalesce((SELECT json_group_array(json(o.op) ORDER BY o.k, o.ord) FROM ops o WHERE o.actionId = b.id), '[]'),
       1, b.createdAt, b.undoneAt
  FROM "BulkAction" b
 ORDER BY b.id;

DROP TABLE "BulkAction";
