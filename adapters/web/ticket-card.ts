import type { TicketCard } from '../../src/core/index.js';

const statusLabels: Record<TicketCard['status'], string> = {
  new: 'New',
  in_progress: 'In progress',
  on_hold: 'On hold',
  resolved: 'Resolved',
  closed: 'Closed',
};

const priorityLabels: Record<number, string> = { 1: 'Critical', 2: 'High', 3: 'Moderate', 4: 'Low' };

/**
 * An Adaptive Card (schema 1.3, which Web Chat renders natively) for one ticket: number, kind, title, status, priority
 * P1–P4 and the SLA due times. Times use the card's DATE/TIME functions so each reader sees them in their own time zone.
 */
export function ticketAttachment(ticket: TicketCard): Record<string, unknown> {
  const kind = ticket.kind === 'incident' ? 'Incident' : 'Service request';
  return {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.3',
      speak: `${kind} ${ticket.number}: ${ticket.title}`,
      body: [
        { type: 'TextBlock', text: `${kind} ${ticket.number}`, weight: 'Bolder', size: 'Medium', wrap: true },
        { type: 'TextBlock', text: ticket.title, wrap: true, spacing: 'Small' },
        {
          type: 'FactSet',
          facts: [
            { title: 'Status', value: statusLabels[ticket.status] ?? ticket.status },
            { title: 'Priority', value: `P${ticket.priority} · ${priorityLabels[ticket.priority] ?? ''}`.trim() },
            { title: 'Response due', value: localTime(ticket.responseDueAt) },
            { title: 'Resolution due', value: localTime(ticket.resolutionDueAt) },
          ],
        },
      ],
    },
  };
}

/** Adaptive Cards' DATE/TIME functions take RFC 3339 without fractions; anything unparsable is shown as given. */
function localTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const t = new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `{{DATE(${t},SHORT)}} {{TIME(${t})}}`;
}
