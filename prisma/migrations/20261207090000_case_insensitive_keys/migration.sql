-- Intent names, and an intent's examples, are compared ignoring case everywhere (API, imports): "Printer_Jam" beside
-- "printer_jam" would split one request type in two. The application checks before it writes, and these indexes make it
-- hold when two requests write at the same moment. A race before this migration may have left such twins: all but one
-- (the lowest id) are renamed with a suffix (kept, with their examples, for an admin to merge or delete), and all but
-- one of an intent's same-text examples are dropped.
UPDATE "Intent" AS i SET "name" = left(i."name", 70) || '-' || left(i."id", 8)
WHERE EXISTS (SELECT 1 FROM "Intent" AS j WHERE lower(j."name") = lower(i."name") AND j."id" < i."id");

DELETE FROM "IntentExample" AS e
WHERE EXISTS (
  SELECT 1 FROM "IntentExample" AS f
  WHERE f."intentId" = e."intentId" AND lower(f."text") = lower(e."text") AND f."id" < e."id"
);

CREATE UNIQUE INDEX "Intent_name_lower_key" ON "Intent" (lower("name"));
CREATE UNIQUE INDEX "IntentExample_intentId_text_lower_key" ON "IntentExample" ("intentId", lower("text"));

-- The pending-incident sweep (src/conversation/sweep-pending-incidents.ts) runs every minute on every instance, and its
-- WHERE implies this predicate, and so it reads the few waiting conversations instead of the whole table.
CREATE INDEX "Conversation_waiting_idx" ON "Conversation" ("id")
WHERE ("state"->'pending'->>'type' = 'ask_impact') OR (jsonb_typeof("state"->'parked') = 'array');
