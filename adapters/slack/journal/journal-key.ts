import { commandKind } from '../inbound/command-words.js';
import { callbackIds } from '../render/form-modal.js';
import { actionIds } from '../render/reply-blocks.js';

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const record = (value: unknown) => (typeof value === 'object' && value !== null ? value as Record<string, unknown> : {});
const turnViews: string[] = [callbackIds.form, callbackIds.newRequest];

/**
 * The journal key of a Slack delivery that carries an employee turn, or null for one not journaled. Keys name one
 * delivery — the same in every redelivery of it, different for the next click or command — not the pipeline's event
 * id: a bystander's click on the same buttons must not share (and settle) the employee's row. Prefixes keep the kinds
 * apart from Events API ids (`Ev…`).
 * - Events API envelope: `event_id`.
 * - `block_actions` on a choice button: `block_actions:<user>:<action_id>:<action_ts>`. `action_ts` is Slack's time
 *   of that click (to the microsecond); the user and button make two people's clicks in one instant distinct.
 * - `view_submission` of deskbot's form or new-request modal: `view_submission:<view.id>:<view.hash>`. The id names the
 *   modal and the hash its state (it changes whenever the view is updated), so together they name what was submitted.
 * - deskbot's slash command with words (`/it printer is broken`): `command:<trigger_id>`. A command has no id of its
 *   own; Slack mints a trigger_id per invocation, and the turn is keyed by it too (`cmd:<trigger_id>`).
 * Not journaled, as no employee message is lost with them: buttons that only open a modal (a replay could not — its
 * trigger_id lasts 3 s — and the employee sees nothing open and clicks again), `/it`, `/it help`, `/it status`, other
 * apps' payloads, and Claim / Resolve (agents see the post unchanged and click again; a late replay of a claim that
 * did commit would tell the agent someone already has it).
 * @param slashCommand deskbot's own command, lower case (e.g. `/it`)
 */
export function journalKey(body: unknown, slashCommand: string): string | null {
  const b = record(body);
  if (b.type === 'event_callback') return str(b.event_id) || null;
  if (b.type === 'block_actions') return choiceKey(b);
  if (b.type === 'view_submission') {
    const view = record(b.view);
    return turnViews.includes(str(view.callback_id)) && str(view.id) ? `view_submission:${str(view.id)}:${str(view.hash)}` : null;
  }
  if (typeof b.command === 'string' && b.command.toLowerCase() === slashCommand && commandKind(str(b.text).trim()) === 'turn') {
    return str(b.trigger_id) ? `command:${str(b.trigger_id)}` : null;
  }
  return null;
}

function choiceKey(b: Record<string, unknown>): string | null {
  const action = record(Array.isArray(b.actions) ? b.actions[0] : null);
  const actionId = str(action.action_id);
  const user = str(record(b.user).id);
  if (!actionId.startsWith(`${actionIds.choice}:`) || !user || !str(action.action_ts)) return null;
  return `block_actions:${user}:${actionId}:${str(action.action_ts)}`;
}
