-- Admins tune intents: admin accounts, console browser sessions, published model versions, the live pointer and
-- the misunderstood-message inbox's decisions.

CREATE TABLE "Admin" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Admin_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Admin_email_key" ON "Admin"("email");
CREATE UNIQUE INDEX "Admin_tokenHash_key" ON "Admin"("tokenHash");

CREATE TABLE "ConsoleSession" (
    "id" TEXT NOT NULL,
    "console" TEXT NOT NULL,
    "principalId" TEXT NOT NULL,
    "csrfSecret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ConsoleSession_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ConsoleSession_expiresAt_idx" ON "ConsoleSession"("expiresAt");

CREATE TABLE "ModelVersion" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "snapshot" JSONB NOT NULL,
    "contentHash" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "publishedBy" TEXT NOT NULL,
    "intentCount" INTEGER NOT NULL,
    "exampleCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ModelVersion_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ModelVersion_number_key" ON "ModelVersion"("number");

CREATE TABLE "LiveModel" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "versionId" TEXT NOT NULL,
    "previousVersionId" TEXT,
    "changedBy" TEXT NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LiveModel_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "LiveModel_single_row" CHECK ("id" = 1)
);

CREATE TABLE "InboxTriage" (
    "messageId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "intent" TEXT,
    "decidedBy" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InboxTriage_pkey" PRIMARY KEY ("messageId")
);

-- The misunderstood inbox reads recent inbound messages by time.
CREATE INDEX "Message_direction_createdAt_idx" ON "Message"("direction", "createdAt");
