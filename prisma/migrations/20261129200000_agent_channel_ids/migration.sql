-- Agents acting from Slack or Teams agent channels are linked by platform user id.
ALTER TABLE "Agent" ADD COLUMN "channelIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
CREATE INDEX "Agent_channelIds_idx" ON "Agent" USING GIN ("channelIds");
