-- Example texts are stored in Unicode NFC from now on (src/intents/example-text.ts), so the case-insensitive key
-- ("intentId", lower("text")) also holds one spelling of an accent typed two ways (a precomposed letter, or a letter
-- and a combining mark). Texts stored before may be in another form: of an intent's examples that are one text in NFC
-- (ignoring case), the one already in NFC is kept, else the lowest id, the others dropped, then the rest are rewritten
-- in NFC. Intent names are left as they are: the admin API and imports already store them in NFC, and renaming one here
-- would have to follow it into articles and published versions.
DELETE FROM "IntentExample" AS e
WHERE e."text" IS NOT NFC NORMALIZED AND EXISTS (
  SELECT 1 FROM "IntentExample" AS f
  WHERE f."intentId" = e."intentId" AND f."id" <> e."id"
    AND lower(normalize(f."text", NFC)) = lower(normalize(e."text", NFC))
    AND (f."text" IS NFC NORMALIZED OR f."id" < e."id")
);

UPDATE "IntentExample" SET "text" = normalize("text", NFC) WHERE "text" IS NOT NFC NORMALIZED;
