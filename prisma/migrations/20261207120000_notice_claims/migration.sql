-- Notices are claimed for the length of a send instead of locked in a transaction around it: "sendingUntil" holds
-- the claim, and a claim that expired (a crashed sender) may be taken again. The index serves the rule that a notice
-- waits for the older unsent notices of its conversation, and the agent desk's look-up of those notices.
ALTER TABLE "EmployeeNotice" ADD COLUMN "sendingUntil" TIMESTAMP(3);

CREATE INDEX "EmployeeNotice_conversationId_createdAt_idx" ON "EmployeeNotice"("conversationId", "createdAt");
