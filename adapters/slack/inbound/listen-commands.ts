import type { App, RespondFn } from '@slack/bolt';
import { z } from 'zod';
import { conversationFor, isDirectMessage } from '../conversation-key.js';
import { newRequestModal } from '../render/home-view.js';
import { ticketListBlocks } from '../render/ticket-blocks.js';
import { runTurn } from '../run-turn.js';
import type { SlackRuntime } from '../slack-runtime.js';
import { commandKind } from './command-words.js';
import { openDirectMessage, quoteOf } from './open-direct-message.js';

const commandSchema = z.object({
  command: z.string().min(2),
  text: z.string().default(''),
  user_id: z.string().min(1),
  team_id: z.string().min(1),
  channel_id: z.string().min(1),
  trigger_id: z.string().min(1),
});

const elsewhere = 'Thanks — I\'ll answer you in our direct messages.';

/**
 * deskbot's slash command (`rt.deps.slashCommand`, default `/it` as in the shipped manifest): alone it opens the
 * new-request modal, `/it status` lists the caller's open tickets privately, `/it help` explains, and `/it <text>`
 * starts a conversation in the bot's DM. Another command the app sends here (one added to the app for something
 * else, or a renamed command deskbot was not told about) gets a private "unknown command" answer: acknowledged, so
 * Slack shows no error, and nothing else happens. Acknowledged at once; the work follows.
 */
export function listenForCommands(bolt: App, rt: SlackRuntime): void {
  const own = (rt.deps.slashCommand ?? '/it').toLowerCase();
  bolt.command(/^\/.+/, async ({ ack, body, respond }) => {
    const command = commandSchema.safeParse(body);
    if (!command.success) return ack();
    if (command.data.command.toLowerCase() !== own) {
      rt.deps.logger.info({ command: command.data.command, expected: own }, 'Slack slash command not deskbot\'s; answered as unknown');
      return ack({ response_type: 'ephemeral', text: unknownText(command.data.command, own) });
    }
    const { text, user_id: user, team_id: team, channel_id: channel, trigger_id: trigger } = command.data;
    const words = text.trim();
    const kind = commandKind(words);
    if (kind === 'help') return ack({ response_type: 'ephemeral', text: helpText(command.data.command) });
    // Outside DMs the answer surely goes elsewhere: say so at once. In a DM it may be the bot's own (checked below).
    const inChannel = !isDirectMessage(channel) && kind === 'turn';
    await ack(inChannel ? { response_type: 'ephemeral', text: elsewhere } : undefined);
    if (kind === 'modal') return rt.track('new request modal', () => rt.client.views.open({ trigger_id: trigger, view: newRequestModal(team) }));
    if (kind === 'status') return rt.track('ticket status', () => listTickets(rt, team, user, respond));
    // Journaled (journal/journal-key.ts): a replay runs this again, keyed by the same trigger_id, so the pipeline answers once.
    return rt.track('slash command', async () => {
      const dm = await openDirectMessage(rt, user);
      // Best effort: the note is a courtesy, and a replay's response_url may have expired; the turn must still run.
      if (!inChannel && dm !== channel) {
        await respond({ response_type: 'ephemeral', text: elsewhere }).catch((err: unknown) => rt.deps.logger.warn({ err }, 'Slack slash command note could not be sent'));
      }
      const { externalId, reference } = conversationFor(team, dm);
      const sender = await rt.identities.sender(team, user);
      await runTurn(rt, {
        channel: 'slack', eventId: `cmd:${trigger}`, conversation: { externalId, reference: { ...reference } }, sender, text: words, receivedAt: new Date(),
      }, reference, quoteOf(words));
    });
  });
}

async function listTickets(rt: SlackRuntime, team: string, user: string, respond: RespondFn): Promise<void> {
  const sender = await rt.identities.sender(team, user);
  const tickets = await rt.deps.tickets.listForSender('slack', sender, { open: true, limit: 15 });
  const text = tickets.length ? `You have ${tickets.length} open ticket${tickets.length === 1 ? '' : 's'}.` : 'You have no open tickets.';
  await respond({ response_type: 'ephemeral', text, blocks: ticketListBlocks(tickets, text) });
}

function unknownText(command: string, own: string): string {
  return `Sorry, I don't know the command \`${command}\`. Use \`${own}\` — \`${own} help\` says what it does.`;
}

function helpText(command: string): string {
  return [
    `\`${command}\` — describe a problem or request in a form`,
    `\`${command} <what you need>\` — e.g. \`${command} vpn drops every 5 minutes\`; I answer in a direct message`,
    `\`${command} status\` — your open tickets`,
  ].join('\n');
}
