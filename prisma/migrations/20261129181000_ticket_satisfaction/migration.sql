-- The requester's 1–5 satisfaction rating after an agent resolves the ticket.
ALTER TABLE "Ticket" ADD COLUMN "satisfaction" INTEGER;
