-- Last resort for a failed turn whose message could not be kept in its conversation (for example the employee could
-- not be resolved): the message is kept here, redacted, instead of only in the log.
CREATE TABLE "UnprocessedMessage" (
    "id" TEXT NOT NULL,
    "channel" "Channel" NOT NULL,
    "eventId" TEXT NOT NULL,
    "conversationExternalId" TEXT NOT NULL,
    "senderExternalId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "error" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnprocessedMessage_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "UnprocessedMessage_channel_eventId_key" ON "UnprocessedMessage"("channel", "eventId");

CREATE INDEX "UnprocessedMessage_receivedAt_idx" ON "UnprocessedMessage"("receivedAt");
