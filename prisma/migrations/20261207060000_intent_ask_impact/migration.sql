-- Whether deskbot asks "how badly does it affect work?" for an incident of this intent whose words say nothing about
-- impact or urgency. True (the default) keeps the behaviour of every existing intent. False applies the intent's
-- default impact and urgency without asking.
ALTER TABLE "Intent" ADD COLUMN "askImpact" BOOLEAN NOT NULL DEFAULT true;
