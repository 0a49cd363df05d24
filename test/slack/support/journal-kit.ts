import { conversationHolder } from '../../../src/conversation/conversation-holder.js';
import { createInboundJournal } from '../../../src/conversation/inbound-journal.js';
import type { PrismaClient } from '../../../src/db/client.js';
import type { TurnHandler } from '../../../src/core/index.js';
import { createTicketDirectory } from '../../../src/tickets/ticket-directory.js';
import type { SlackHarness, SlackHarnessOptions } from './slack-harness.js';

/** Slack users the journal tests talk as (names and emails the stand-in's users.info gives). */
export const journalUsers = {
  U0ADA00001: { name: 'Ada Lovelace', email: 'ada@example.com' },
  U0CMD00001: { name: 'Grace Hopper', email: 'grace@example.com' },
};

/**
 * A Slack channel on `prisma` with the write-ahead journal, answering through `turns`. Its replay counts a row as lost
 * only after a minute, so nothing sent live counts as lost; the rows of a "crash" are aged with {@link ageJournalRow}.
 */
export function journaledHarnessOptions(prisma: PrismaClient, turns: TurnHandler): SlackHarnessOptions {
  return {
    turns,
    tickets: createTicketDirectory(prisma),
    conversationHolder: (id) => conversationHolder(prisma, 'slack', id),
    users: journalUsers,
    journal: { store: createInboundJournal(prisma), replay: { afterMs: 60_000, everyMs: 3_600_000 } },
  };
}

/** The journal row of a Slack delivery, or null. */
export function journalRow(prisma: PrismaClient, eventId: string) {
  return prisma.inboundJournal.findUnique({ where: { channel_eventId: { channel: 'slack', eventId } } });
}

/** Make a journal row ten minutes old: what a crash leaves for the next replay pass. */
export async function ageJournalRow(prisma: PrismaClient, eventId: string): Promise<void> {
  await prisma.inboundJournal.update({
    where: { channel_eventId: { channel: 'slack', eventId } }, data: { receivedAt: new Date(Date.now() - 10 * 60_000) },
  });
}

/** The chat.postMessage calls a harness made to `channel`. */
export const postsTo = (h: SlackHarness, channel: string) => h.api.of('chat.postMessage').filter((c) => c.body.channel === channel);
