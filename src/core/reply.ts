/**
 * The channel-neutral reply model. Every reply has plain `text` (the fallback for notifications, screen readers and
 * channels without cards); adapters render the structured parts natively (Block Kit, Adaptive Cards, hero cards).
 */

/** Message kinds the understanding step tells apart. */
export type MessageKind = 'incident' | 'service_request' | 'question' | 'ticket_status' | 'greeting' | 'out_of_scope';

/** A button. `value` is opaque to adapters and comes back unchanged as {@link InboundAction.value}. */
export interface Choice {
  label: string;
  value: string;
}

/** A knowledge article offered to the employee. */
export interface ArticleCard {
  id: string;
  slug: string;
  title: string;
  /** A short plain-text excerpt that matched the query. */
  snippet: string;
}

/** A ticket shown to its requester. Priority 1–4 (P1 highest); times are ISO 8601 strings. */
export interface TicketCard {
  number: string;
  kind: 'incident' | 'service_request';
  title: string;
  status: 'new' | 'in_progress' | 'on_hold' | 'resolved' | 'closed';
  priority: number;
  responseDueAt: string;
  resolutionDueAt: string;
  updatedAt: string;
}

/** One input of a {@link Form}. */
export interface FormField {
  /** Key of the value in {@link InboundAction.fields}. */
  id: string;
  label: string;
  kind: 'text' | 'textarea' | 'select';
  /** For `select`. */
  options?: Choice[];
  required: boolean;
  placeholder?: string;
}

/**
 * A set of details deskbot needs before it opens a service request (e.g. access request: system, access level,
 * business reason). Adapters render it natively (Slack modal, Adaptive Card inputs); on submit they send an
 * {@link InboundAction} with `value` = `submitValue` and the entered `fields`. The reply's `text` asks for the same
 * details in words, for channels without forms.
 */
export interface Form {
  title: string;
  submitLabel: string;
  /** Opaque; comes back as the action's `value`. */
  submitValue: string;
  fields: FormField[];
}

/** One outbound message. */
export interface Reply {
  text: string;
  /** 'plain' when the text is a person's own words (an agent's message) and must be shown as typed, not as Markdown. */
  format?: 'markdown' | 'plain';
  choices?: Choice[];
  articles?: ArticleCard[];
  tickets?: TicketCard[];
  form?: Form;
}

/** What the understanding step concluded, attached to a turn's result for adapters, logs and the replay tool. */
export interface TurnSummary {
  kind: MessageKind | null;
  intent: string | null;
  confidence: number;
  /** Ticket number opened in this turn, if any. */
  ticket?: string;
  /** Slugs of articles offered in this turn. */
  articles?: string[];
  /**
   * The kind of question deskbot had asked (a pending dialog step: `ask_impact`, `rating`, …) when the message was read
   * as its answer. Such a message has a low classifier confidence because it is an answer, not a request, so the
   * misunderstood inbox leaves it out. Unset when the message was a new topic, a miss, or a reply the question could
   * not read (asked again).
   */
  answered?: string;
}
