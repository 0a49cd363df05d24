-- Proactive notices to employees written in the transaction that causes them (transactional outbox), delivered by
-- the escalation relay and worker (or, without Redis, by the pending-incident sweep). The id derives from the
-- ticket, so a notice is written, queued and delivered at most once.
CREATE TYPE "EmployeeNoticeStatus" AS ENUM ('pending', 'queued', 'sent', 'failed');

CREATE TABLE "EmployeeNotice" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "ticketNumber" TEXT,
    "replies" JSONB NOT NULL,
    "status" "EmployeeNoticeStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "queuedAt" TIMESTAMP(3),
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "EmployeeNotice_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "EmployeeNotice_status_createdAt_idx" ON "EmployeeNotice"("status", "createdAt");
