import type { types } from '@slack/bolt';
import { mrkdwn } from '../render/block-kit.js';
import { escapeMrkdwn } from '../render/mrkdwn.js';
import type { SlackRuntime } from '../slack-runtime.js';
import type { BlockActionReading } from './read-block-action.js';

/**
 * Replace the clicked set of buttons with what was chosen (`chat.update`), so the question reads as answered and
 * cannot be answered again. Best effort: the answer itself went to the conversation already.
 */
export async function markChosen(rt: SlackRuntime, click: BlockActionReading): Promise<void> {
  if (!click.blocks) return;
  const blocks = click.blocks.map((block) => ((block as { block_id?: string }).block_id === click.action.blockId
    ? { type: 'context', elements: [mrkdwn(`:white_check_mark: ${escapeMrkdwn(click.action.label ?? 'Answered')} — <@${click.user}>`)] }
    : block));
  try {
    await rt.outbound.run(click.channel, () => rt.client.chat.update({ channel: click.channel, ts: click.messageTs, blocks: blocks as types.KnownBlock[] }));
  } catch (err) {
    rt.deps.logger.warn({ err, channel: click.channel }, 'could not mark the chosen answer');
  }
}
