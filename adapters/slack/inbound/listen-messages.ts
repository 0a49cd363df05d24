import type { App } from '@slack/bolt';
import { relayAgentReply } from '../agents/relay-agent-reply.js';
import { runTurn } from '../run-turn.js';
import type { SlackRuntime } from '../slack-runtime.js';
import { inArrivalOrder } from './arrival-order.js';
import { readMessageEvent, type MessageEventReading } from './read-message-event.js';
import { threadConversation } from './thread-conversation.js';

/**
 * Employee messages: direct messages (`message.im`), mentions (`app_mention`, and the same post's `message.channels`
 * delivery, which the pipeline drops by its channel+ts event id), and replies in deskbot's channel threads. In a
 * channel thread each person has their own conversation (thread-conversation.ts): a colleague replying in an
 * employee's thread is ignored unless they mention the bot, and never joins that employee's conversation. Bolt has
 * acknowledged the event before these run.
 */
export function listenForMessages(bolt: App, rt: SlackRuntime): void {
  const onEvent = async ({ body, context }: { body: unknown; context: { botUserId?: string; botId?: string } }) => {
    const reading = readMessageEvent(body, { userId: context.botUserId, botId: context.botId }, rt.deps.agentChannel);
    if (reading.kind === 'ignore') {
      rt.deps.logger.debug({ reason: reading.reason }, 'Slack message ignored');
      return;
    }
    if (reading.kind === 'agent_reply') return rt.track('agent reply', () => relayAgentReply(rt, reading));
    // The place in line is taken now, in Slack's delivery order; the lookups below may finish in any order.
    const arrival = rt.arrivals.take(reading.conversation.externalId);
    return rt.track('employee message', () => inArrivalOrder(arrival, (started) => answer(reading, body, started)));
  };
  bolt.event('message', onEvent);
  bolt.event('app_mention', onEvent);

  async function answer(reading: Extract<MessageEventReading, { kind: 'employee' }>, body: unknown, started: () => void): Promise<void> {
    const { externalId, reference, known } = reading.place === 'dm'
      ? { ...reading.conversation, known: true }
      : await threadConversation(rt, reading.conversation, reading.user, reading.place === 'newThread');
    if (reading.onlyIfKnown && !known) {
      rt.deps.logger.debug({ conversation: reading.conversation.externalId }, 'Slack thread reply without a mention, not in a conversation of its author: ignored');
      return;
    }
    const sender = await rt.identities.sender(reading.team, reading.user);
    // runTurn records the thread's holder and hands the message to the pipeline before its first await, so the next
    // message may go as soon as it returns: it finds the thread held (a colleague of a new thread's first writer gets a
    // conversation of their own) and reaches the pipeline after this one.
    const turn = runTurn(rt, {
      channel: 'slack', eventId: reading.eventId, conversation: { externalId, reference: { ...reference } },
      sender, text: reading.text, receivedAt: new Date(), raw: body,
    }, reference);
    started();
    await turn;
  }
}
