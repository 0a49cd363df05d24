/** Tickets: ITIL incidents and service requests. */
export { priorityFor, isLevel, type Level, type Priority } from './priority-matrix.js';
export { defaultSlaPolicy, slaDueTimes, type SlaPolicy, type SlaTarget } from './sla-policy.js';
export { nextTicketNumber, formatTicketNumber, type TicketKindName } from './ticket-number.js';
export { openTicket, maxTitleLength, maxDescriptionLength, type OpenTicketInput } from './open-ticket.js';
export { findTicketForRequester, listRequesterTickets, openStatuses } from './find-ticket.js';
export { changeTicketStatus } from './change-status.js';
export { toTicketCard } from './ticket-card.js';
