import type { Logger } from 'pino';
import type { PrismaClient } from '../db/client.js';
import type { InboundMessage } from '../core/message.js';
import type { TurnSummary } from '../core/reply.js';
import type { TurnHandler, TurnResult } from '../core/adapter.js';
import { createKeyedLine } from '../core/keyed-line.js';
import { createSlots } from '../core/slots.js';
import { defaultTurnConcurrency } from './turn-concurrency.js';
import { parseChoiceValue } from './choice-values.js';
import { parseDialogState } from './dialog-state.js';
import { openTurn } from './open-turn.js';
import { respond } from './respond.js';
import { storeTurn } from './store-turn.js';
import { storeFailedMessage } from './store-failed-message.js';
import type { Turn, TurnServices } from './turn.js';
import { turnText, understandBeforeTurn, withoutRedactionMarkers } from './understand-before-turn.js';
import { draftBeforeTurn, type EarlyDraft } from './draft-before-turn.js';
import type { Understanding } from '../classification/types.js';

/** What the pipeline needs; `services` may be swapped between turns (retrained intents, re-indexed articles). */
export interface PipelineDeps {
  prisma: PrismaClient;
  services: () => TurnServices;
  logger: Logger;
  clock?: () => Date;
  /**
   * Turn transactions running at once (TURN_CONCURRENCY); more wait in line, in arrival order, and all of them run.
   * Default {@link defaultTurnConcurrency}.
   */
  concurrency?: number;
}

/** Longest a turn's transaction may run, in milliseconds, before it is rolled back and answered as a failure. */
const turnTimeoutMs = 15_000;

/**
 * The one conversation pipeline for every channel:
 * normalize → drop duplicates by event id → identify the employee → redact secrets → understand → act → reply.
 * A turn runs in one database transaction holding its conversation's row lock, so concurrent messages of one
 * conversation (even on different instances) take turns, and a crash leaves nothing half-done. At most
 * `deps.concurrency` transactions run at once; the rest wait in arrival order (a burst is worked through, not dropped).
 * Messages of one conversation are taken one at a time, in the order `handle` was called, from before the model is
 * asked until the turn is stored: with several slots their transactions would otherwise race for the row lock (and a
 * slow model call would let a later message overtake), so an answer could be read before the question it answers.
 */
export function createPipeline(deps: PipelineDeps): TurnHandler {
  const clock = deps.clock ?? (() => new Date());
  const slots = createSlots(deps.concurrency ?? defaultTurnConcurrency);
  const conversations = createKeyedLine();
  return {
    handle(message: InboundMessage): Promise<TurnResult> {
      return conversations.run(`${message.channel}:${message.conversation.externalId}`, () => handleInOrder(message));
    },
  };

  async function handleInOrder(message: InboundMessage): Promise<TurnResult> {
    const started = performance.now();
    const services = deps.services();
    const log = deps.logger.child({ channel: message.channel, eventId: message.eventId });
    try {
      // The language model is asked before the transaction, so no connection or conversation lock waits on it.
      const early = await understandBeforeTurn(deps.prisma, message, services);
      const draft = await draftBeforeTurn(deps.prisma, message, services, early);
      // Only the transaction takes a slot: the model's seconds of waiting above hold no slot either.
      const result = await slots.run(() => deps.prisma.$transaction(
        (tx) => runTurn(tx as unknown as PrismaClient, message, services, clock(), early, draft), { timeout: turnTimeoutMs, maxWait: turnTimeoutMs },
      ));
      if (result.duplicate) services.metrics.duplicates.inc({ channel: message.channel });
      else services.metrics.messages.inc({ channel: message.channel, kind: result.summary.kind ?? 'action' });
      log.info({ conversationId: result.conversationId, kind: result.summary.kind, intent: result.summary.intent, ticket: result.summary.ticket, duplicate: result.duplicate }, 'turn');
      return result;
    } catch (err) {
      services.metrics.errors.inc({ stage: 'pipeline' });
      log.error({ err }, 'turn failed; storing the message and apologising');
      return storeFailedMessage(deps.prisma, message, err, log);
    } finally {
      services.metrics.turnSeconds.observe({ channel: message.channel }, (performance.now() - started) / 1000);
    }
  }
}

async function runTurn(
  db: PrismaClient, message: InboundMessage, services: TurnServices, now: Date, early: Understanding | null, draft: EarlyDraft | null,
): Promise<TurnResult> {
  const emptySummary: TurnSummary = { kind: null, intent: null, confidence: 0 };
  const { employee, conversation } = await openTurn(db, message);
  if (!conversation.first) {
    return { conversationId: conversation.id, duplicate: true, replies: [], summary: emptySummary };
  }

  const text = turnText(message.text);
  const action = message.action ? parseChoiceValue(message.action.value, message.action.fields) : null;
  const state = parseDialogState(conversation.state);
  const eventKey = `${message.channel}:${message.eventId}`;
  // A conversation an agent is handling: the words are for the agent, so they are not classified or answered.
  // Asked only while an escalation is open (known from the locking statement): otherwise it would answer null. An
  // impact button answers deskbot's own question about an incident, so it stays with deskbot.
  const bridged = services.bridge && conversation.escalated && action?.type !== 'impact' ? await services.bridge(db, { conversationId: conversation.id, employeeId: employee.id, text }) : null;
  if (bridged) {
    await storeTurn(db, conversation.id, now, { text, eventId: message.eventId, action: message.action?.value, kind: null, intent: null, confidence: null }, bridged, state);
    return { conversationId: conversation.id, duplicate: false, replies: bridged, summary: emptySummary };
  }

  const classified = action ? '' : withoutRedactionMarkers(text);
  // Normally the model was asked before the transaction; asking here is the rare case of a conversation whose
  // escalation closed in between.
  const understanding = early ?? await understandInTurn(classified, services, Boolean(action));
  const turn: Turn = {
    db, services, channel: message.channel, employee, conversationId: conversation.id, text, state, eventKey, now, replies: [], draft,
    summary: action ? { ...emptySummary } : { kind: understanding.kind, intent: understanding.intent, confidence: understanding.confidence },
  };
  await respond(turn, understanding, action);

  await storeTurn(db, conversation.id, now, {
    text, eventId: message.eventId, action: message.action?.value,
    kind: action ? null : understanding.kind, intent: action ? null : understanding.intent, confidence: action ? null : understanding.confidence,
    answered: turn.summary.answered,
  }, turn.replies, turn.state);
  return { conversationId: conversation.id, duplicate: false, replies: turn.replies, summary: turn.summary };
}

async function understandInTurn(text: string, services: TurnServices, pressed: boolean): Promise<Understanding> {
  const embedded = services.catalog.understander.understand(text);
  return services.llm && !pressed ? services.llm.refine(text, embedded, services.catalog.intents) : embedded;
}
