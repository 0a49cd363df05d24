import type { MessageKind } from '../core/reply.js';

/** One training example: a text and the intent label it carries (`None` marks out of scope). */
export interface LabeledExample {
  text: string;
  label: string;
}

/** What an {@link IntentModel} concludes about one text. */
export interface Prediction {
  /** The best intent, or null when out of scope (also when the best label is `None`). */
  label: string | null;
  /** 0..1, calibrated: roughly P(label is right); for a null label, P(the text is out of scope). */
  confidence: number;
  /** Every label except `None`, best first, with calibrated probabilities 0..1. */
  ranking: Array<{ label: string; score: number }>;
}

/** A trained intent classifier. */
export interface IntentModel {
  /** The labels it can return, without `None`. */
  readonly labels: string[];
  predict(text: string): Prediction;
}

/** The ITIL-flavoured kind of an intent. */
export type IntentKind = 'incident' | 'service_request' | 'question' | 'ticket_status' | 'greeting';

/** One intent of the catalogue (mirrors the Prisma `Intent` model plus its examples). */
export interface IntentDefinition {
  name: string;
  kind: IntentKind;
  description: string;
  /** ITIL impact: 1 high, 2 medium, 3 low. */
  defaultImpact: 1 | 2 | 3;
  /** ITIL urgency: 1 high, 2 medium, 3 low. */
  defaultUrgency: 1 | 2 | 3;
  /**
   * Incidents only: ask "how badly does it affect work?" when the message says nothing about impact or urgency
   * (absent: true). False uses the defaults above without asking; cue words in the message still override them.
   */
  askImpact?: boolean;
  assignmentGroup?: string;
  agentOnly?: boolean;
  articleSlugs?: string[];
  examples: string[];
}

/** What the understanding step concludes about one employee message. */
export interface Understanding {
  kind: MessageKind;
  intent: string | null;
  confidence: number;
  /** Top 3 intents including the best, best first. */
  alternatives: Array<{ intent: string; kind: IntentKind; confidence: number }>;
  /** Ticket numbers found in the text, upper-cased (`INC0001001`, `REQ0001001`). */
  ticketNumbers: string[];
  /** Impact inferred from the words (e.g. "whole floor" → 1), when they say. */
  impact?: 1 | 2 | 3;
  /** Urgency inferred from the words (e.g. "can't work" → 1), when they say. */
  urgency?: 1 | 2 | 3;
}

/** Turns an employee message into an {@link Understanding}; never throws. */
export interface Understander {
  understand(text: string): Understanding;
}
