import { z } from 'zod';
import { conversationFor, isDirectMessage, type SlackReference } from '../conversation-key.js';

const blockActionSchema = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional() }),
  team: z.object({ id: z.string().min(1) }).nullish(),
  trigger_id: z.string().optional(),
  container: z.object({
    type: z.string(),
    channel_id: z.string().optional(),
    message_ts: z.string().optional(),
    thread_ts: z.string().optional(),
  }),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional(), blocks: z.array(z.unknown()).optional() }).optional(),
  actions: z.array(z.object({
    action_id: z.string(),
    block_id: z.string(),
    value: z.string().max(2000).optional(),
    text: z.object({ text: z.string() }).optional(),
  })).min(1),
});

/** A button pressed on one of deskbot's messages, located in its conversation. */
export interface BlockActionReading {
  team: string;
  user: string;
  triggerId?: string;
  channel: string;
  messageTs: string;
  action: { actionId: string; blockId: string; value: string; label?: string };
  /** `act:<channel>:<message ts>:<block id>`: one answer per set of buttons, whoever clicks how often. */
  eventId: string;
  conversation: { externalId: string; reference: SlackReference };
  /** The clicked message's blocks, to show the choice in place of the buttons. */
  blocks?: unknown[];
}

/**
 * Read a `block_actions` payload on a message (not a modal or the Home tab). The conversation is the one the message
 * was posted in: its thread in a channel, the DM itself in a direct message.
 * @returns null for anything else (a malformed payload, a click outside a message)
 */
export function readBlockAction(body: unknown): BlockActionReading | null {
  const parsed = blockActionSchema.safeParse(body);
  if (!parsed.success) return null;
  const b = parsed.data;
  const channel = b.container.channel_id;
  const messageTs = b.container.message_ts ?? b.message?.ts;
  const action = b.actions[0]!;
  const team = b.team?.id ?? b.user.team_id;
  if (!channel || !messageTs || !team) return null;
  const thread = b.container.thread_ts ?? b.message?.thread_ts;
  return {
    team,
    user: b.user.id,
    ...(b.trigger_id ? { triggerId: b.trigger_id } : {}),
    channel,
    messageTs,
    action: { actionId: action.action_id, blockId: action.block_id, value: action.value ?? '', ...(action.text ? { label: action.text.text } : {}) },
    eventId: `act:${channel}:${messageTs}:${action.block_id}`,
    conversation: conversationFor(team, channel, isDirectMessage(channel) ? thread : thread ?? messageTs),
    ...(b.message?.blocks ? { blocks: b.message.blocks } : {}),
  };
}
