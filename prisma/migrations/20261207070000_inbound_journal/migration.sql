-- Write-ahead journal of inbound deliveries acknowledged before their turn commits (Slack events): written before
-- the acknowledgement, deleted once the turn is stored, replayed after a crash.
CREATE TABLE "InboundJournal" (
    "channel" "Channel" NOT NULL,
    "eventId" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedUntil" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "InboundJournal_pkey" PRIMARY KEY ("channel","eventId")
);

CREATE INDEX "InboundJournal_receivedAt_idx" ON "InboundJournal"("receivedAt");
