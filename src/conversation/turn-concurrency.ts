/**
 * Turns running at once when TURN_CONCURRENCY is not set. Why a bound at all: a turn is mostly CPU on the one event
 * loop (the Prisma client, classification, search), so fifty turns run at once make every loop iteration long, and
 * what arrives meanwhile — a Slack event to acknowledge within 3 s, a Direct Line POST — waits behind all of them.
 * A few at a time keep the database busy while one computes.
 */
export const defaultTurnConcurrency = 4;
