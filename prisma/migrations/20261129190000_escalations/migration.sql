-- Escalations to human agents: agents, the escalation outbox, the bridged conversation and agent-channel posts.

-- CreateEnum
CREATE TYPE "AgentStatus" AS ENUM ('available', 'away');

-- CreateEnum
CREATE TYPE "EscalationStatus" AS ENUM ('pending', 'queued', 'posted', 'claimed', 'resolved');

-- CreateTable
CREATE TABLE "Agent" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "groups" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "tokenHash" TEXT NOT NULL,
    "status" "AgentStatus" NOT NULL DEFAULT 'available',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Agent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Escalation" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "dedupeKey" TEXT,
    "conversationId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "assignmentGroup" TEXT,
    "status" "EscalationStatus" NOT NULL DEFAULT 'pending',
    "claimedById" TEXT,
    "claimedAt" TIMESTAMP(3),
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "noticeSentAt" TIMESTAMP(3),
    "queuedAt" TIMESTAMP(3),
    "postedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Escalation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EscalationMessage" (
    "id" TEXT NOT NULL,
    "escalationId" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "agentId" TEXT,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EscalationMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgentPost" (
    "id" TEXT NOT NULL,
    "escalationId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "externalRef" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AgentPost_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Agent_email_key" ON "Agent"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Agent_tokenHash_key" ON "Agent"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "Escalation_dedupeKey_key" ON "Escalation"("dedupeKey");

-- CreateIndex
CREATE INDEX "Escalation_status_createdAt_idx" ON "Escalation"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Escalation_conversationId_status_idx" ON "Escalation"("conversationId", "status");

-- CreateIndex
CREATE INDEX "Escalation_ticketId_idx" ON "Escalation"("ticketId");

-- CreateIndex
CREATE INDEX "EscalationMessage_escalationId_createdAt_idx" ON "EscalationMessage"("escalationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AgentPost_escalationId_channel_kind_key" ON "AgentPost"("escalationId", "channel", "kind");

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EscalationMessage" ADD CONSTRAINT "EscalationMessage_escalationId_fkey" FOREIGN KEY ("escalationId") REFERENCES "Escalation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EscalationMessage" ADD CONSTRAINT "EscalationMessage_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgentPost" ADD CONSTRAINT "AgentPost_escalationId_fkey" FOREIGN KEY ("escalationId") REFERENCES "Escalation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
