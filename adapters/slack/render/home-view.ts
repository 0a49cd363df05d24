import type { types } from '@slack/bolt';
import type { TicketCard } from '../../../src/core/index.js';
import { button, mrkdwn, plain } from './block-kit.js';
import { callbackIds } from './form-modal.js';
import { actionIds } from './reply-blocks.js';
import { ticketListBlocks } from './ticket-blocks.js';

/** Most tickets the Home tab shows (each takes three blocks; a Home view holds 100). */
export const homeTicketLimit = 20;

/** The App Home tab: the employee's open tickets and a button for a new request. */
export function homeView(tickets: TicketCard[]): types.HomeView {
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: plain('IT service desk', 150) },
      { type: 'section', text: mrkdwn('Write to me in the *Messages* tab, mention me in a channel, or type `/it` anywhere.') },
      { type: 'actions', elements: [button(actionIds.newRequest, 'New request', 'home', 'primary')] },
      { type: 'divider' },
      { type: 'section', text: mrkdwn(`*Your open tickets* (${tickets.length}${tickets.length >= homeTicketLimit ? '+' : ''})`) },
      ...ticketListBlocks(tickets, 'You have no open tickets.'),
    ],
  };
}

/** The `/it` modal: describe the problem or request in words; the answer starts a conversation in the bot's DM. */
export function newRequestModal(team: string): types.ModalView {
  return {
    type: 'modal',
    callback_id: callbackIds.newRequest,
    private_metadata: JSON.stringify({ team }),
    title: plain('New IT request', 24),
    submit: plain('Send', 24),
    close: plain('Cancel', 24),
    blocks: [{
      type: 'input',
      block_id: 'description',
      label: plain('What do you need help with?'),
      element: {
        type: 'plain_text_input', action_id: 'description', multiline: true, max_length: 3000,
        placeholder: plain('e.g. "VPN drops every 5 minutes" or "I need access to the finance share"', 150),
      },
    }],
  };
}
