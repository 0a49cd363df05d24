-- Agent-channel posts (Slack, Teams) follow the escalation: claim, release and resolve bump syncVersion and an
-- employee's message on an escalation with a platform post is marked relayPending, and the relay queues the jobs.
ALTER TABLE "Escalation" ADD COLUMN "syncVersion" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Escalation" ADD COLUMN "syncedVersion" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "EscalationMessage" ADD COLUMN "relayPending" BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX "Escalation_sync_pending_idx" ON "Escalation" ("id") WHERE "syncVersion" > "syncedVersion";
CREATE INDEX "EscalationMessage_relay_pending_idx" ON "EscalationMessage" ("createdAt") WHERE "relayPending";
