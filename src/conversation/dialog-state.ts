import { z } from 'zod';

/**
 * Identity and age of a reported incident that has no ticket yet (waiting for the impact answer, or parked): `id`
 * makes the ticket opened for it on time-out idempotent, `since` (ISO time the impact question was first asked) starts
 * its clock (src/conversation/sweep-pending-incidents.ts). Optional only for state stored before they existed.
 */
const unticketedFields = { id: z.string().optional(), since: z.string().optional() };

/**
 * What the bot is waiting for in a conversation. Kept in `Conversation.state` (JSON) so that any instance can take the
 * next message, and so that a restart loses nothing.
 */
const pendingSchema = z.discriminatedUnion('type', [
  /** "Do you mean …?" with Yes / No. */
  z.object({ type: z.literal('confirm_intent'), intent: z.string(), text: z.string() }),
  /** Two or three candidate intents offered as buttons. */
  z.object({ type: z.literal('choose_intent'), intents: z.array(z.string()), text: z.string() }),
  /**
   * The one question asked before opening an incident whose impact and urgency the words did not give; `reasked`
   * once a reply was not understood and the question was asked again (the next miss takes the intent's defaults).
   */
  z.object({ type: z.literal('ask_impact'), intent: z.string(), text: z.string(), reasked: z.boolean().optional(), ...unticketedFields }),
  /**
   * An incident was logged at its defaults because the impact question went unanswered: a reply that answers that
   * question changes the ticket's impact and urgency (src/conversation/answer-impact-change.ts).
   */
  z.object({ type: z.literal('change_impact'), ticket: z.string(), intent: z.string() }),
  /** Knowledge articles were offered: "Did this solve it?" */
  z.object({ type: z.literal('kb_feedback'), intent: z.string().nullable(), text: z.string(), articles: z.array(z.string()) }),
  /** A ticket was resolved by an agent: "How did we do? 1–5". */
  z.object({ type: z.literal('rating'), ticket: z.string() }),
  /** A service request waits for the details of its intent's form (src/conversation/request-forms.ts). */
  z.object({
    type: z.literal('request_form'), intent: z.string(), text: z.string(),
    escalation: z.enum(['requested_human', 'understanding_failed', 'high_priority', 'frustration']).optional(),
  }),
  /** Understanding failed twice: offer a ticket or a person. */
  z.object({ type: z.literal('offer_help'), text: z.string() }),
]);

export type Pending = z.infer<typeof pendingSchema>;

/** The pending impact question of an incident not ticketed yet. */
export type ImpactQuestion = Extract<Pending, { type: 'ask_impact' }>;

const stateSchema = z.object({
  pending: pendingSchema.optional(),
  /** Consecutive messages not understood. */
  misses: z.number().int().min(0).default(0),
  /** The last message not understood, so that a ticket offered after the second miss carries both. */
  lastMissText: z.string().optional(),
  /**
   * Incidents whose impact question was interrupted by a new request or incident, oldest first: the question is
   * asked again once nothing else is pending, so no reported problem is dropped (src/conversation/park-incident.ts).
   */
  parked: z.array(z.object({ intent: z.string(), text: z.string(), ...unticketedFields })).optional(),
});

/** A reported incident waiting for its impact answer or parked: what is needed to open it later. */
export type UnticketedIncident = NonNullable<z.infer<typeof stateSchema>['parked']>[number];

/** Dialog state of one conversation. */
export type DialogState = z.infer<typeof stateSchema>;

/** Read stored state; anything unreadable (older shape, manual edits) starts afresh rather than failing the turn. */
export function parseDialogState(json: unknown): DialogState {
  const parsed = stateSchema.safeParse(json ?? {});
  return parsed.success ? parsed.data : { misses: 0 };
}
