import type { types } from '@slack/bolt';
import type { TicketCard } from '../../../src/core/index.js';
import { mrkdwn } from './block-kit.js';
import { escapeMrkdwn, slackDate } from './mrkdwn.js';

const statusLabels: Record<TicketCard['status'], string> = {
  new: 'New', in_progress: 'In progress', on_hold: 'On hold', resolved: 'Resolved', closed: 'Closed',
};

/** ITIL priority names, P1 highest. */
export const priorityNames: Record<number, string> = { 1: 'Critical', 2: 'High', 3: 'Moderate', 4: 'Low' };

/** `P2 · High`. */
export function priorityLabel(priority: number): string {
  return `P${priority} · ${priorityNames[priority] ?? 'Unknown'}`;
}

/**
 * A ticket as its requester sees it: number and title, then status, priority and the SLA times (in the reader's time
 * zone), and what kind of ticket it is with its last update.
 */
export function ticketBlocks(ticket: TicketCard): types.KnownBlock[] {
  const kind = ticket.kind === 'incident' ? 'Incident' : 'Service request';
  return [
    {
      type: 'section',
      text: mrkdwn(`*${ticket.number}* · ${escapeMrkdwn(ticket.title)}`),
      fields: [
        mrkdwn(`*Status*\n${statusLabels[ticket.status] ?? ticket.status}`),
        mrkdwn(`*Priority*\n${priorityLabel(ticket.priority)}`),
        mrkdwn(`*Response by*\n${slackDate(ticket.responseDueAt)}`),
        mrkdwn(`*Resolution by*\n${slackDate(ticket.resolutionDueAt)}`),
      ],
    },
    { type: 'context', elements: [mrkdwn(`${kind} · updated ${slackDate(ticket.updatedAt)}`)] },
  ];
}

/** A list of tickets, or a line saying there are none. */
export function ticketListBlocks(tickets: TicketCard[], empty: string): types.KnownBlock[] {
  if (!tickets.length) return [{ type: 'section', text: mrkdwn(empty) }];
  return tickets.flatMap((t, i) => [...(i ? [{ type: 'divider' } as const] : []), ...ticketBlocks(t)]);
}
