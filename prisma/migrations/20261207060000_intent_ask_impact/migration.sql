-- Whether deskbot asks "how badly does it affect work?" for an incident of this intent whose words say nothing about
-- impact or urgency. True keeps the behaviour of every existing intent; false applies the intent's defaults as they are.
ALTER TABLE "Intent" ADD COLUMN "askImpact" BOOLEAN NOT NULL DEFAULT true;
