-- A record of every switch of the live model version, so that "Roll back" undoes the last switch (returns to the
-- version live before it) instead of going to the newest older version number.
CREATE TABLE "ModelActivation" (
    "id" SERIAL NOT NULL,
    "fromVersionId" TEXT,
    "toVersionId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undoneAt" TIMESTAMP(3),

    CONSTRAINT "ModelActivation_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ModelActivation_undoneAt_id_idx" ON "ModelActivation"("undoneAt", "id");

-- An upgraded database: its last switch is the one step a rollback can undo.
INSERT INTO "ModelActivation" ("fromVersionId", "toVersionId", "action", "by", "at")
SELECT "previousVersionId", "versionId", 'activate', "changedBy", "changedAt" FROM "LiveModel" WHERE "id" = 1;
