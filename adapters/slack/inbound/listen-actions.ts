import type { App } from '@slack/bolt';
import { onEscalationAction } from '../agents/escalation-actions.js';
import { isDirectMessage } from '../conversation-key.js';
import { newRequestModal } from '../render/home-view.js';
import { decodeForm, formModal } from '../render/form-modal.js';
import { actionIds } from '../render/reply-blocks.js';
import { runTurn } from '../run-turn.js';
import type { SlackRuntime } from '../slack-runtime.js';
import { inArrivalOrder } from './arrival-order.js';
import { markChosen } from './mark-chosen.js';
import { readBlockAction, type BlockActionReading } from './read-block-action.js';
import { threadConversation } from './thread-conversation.js';

/**
 * Buttons: a choice goes back into the conversation as its action value; "Fill in details" opens the form's modal;
 * "New request" (App Home) opens the new-request modal; Claim / Resolve act on the agent desk. Each acknowledges
 * first: Slack shows an error for a click not acknowledged within 3 seconds.
 */
export function listenForActions(bolt: App, rt: SlackRuntime): void {
  bolt.action({ action_id: new RegExp(`^${actionIds.choice}:`) }, async ({ ack, body }) => {
    const click = readBlockAction(body);
    const employees = click && click.channel !== rt.deps.agentChannel ? click : null;
    // A click takes its place in its conversation's line on delivery, before the ack's await, as a message does
    // (listen-messages.ts): "I can't work" pressed right after a message must not overtake it.
    const arrival = employees ? rt.arrivals.take(employees.conversation.externalId) : null;
    await ack();
    if (!employees || !arrival) return;
    await rt.track('choice', () => inArrivalOrder(arrival, (started) => onChoice(rt, employees, started)));
  });
  bolt.action(actionIds.form, async ({ ack, body }) => {
    await ack();
    const click = readBlockAction(body);
    if (click) await rt.track('open form', () => openForm(rt, click));
  });
  bolt.action(actionIds.newRequest, async ({ ack, body }) => {
    await ack();
    const { trigger_id: trigger, user } = body as { trigger_id?: string; user?: { id?: string; team_id?: string } };
    if (trigger && user?.team_id) await rt.track('new request', () => rt.client.views.open({ trigger_id: trigger, view: newRequestModal(user.team_id!) }));
  });
  bolt.action(actionIds.claim, async ({ ack, body }) => { await ack(); await rt.track('claim', () => onEscalationAction(rt, body, 'claim')); });
  bolt.action(actionIds.resolve, async ({ ack, body }) => { await ack(); await rt.track('resolve', () => onEscalationAction(rt, body, 'resolve')); });
}

/**
 * A choice button; `started` lets the conversation's next arrival go. In a channel thread it counts only for someone holding a conversation there (the employee who
 * started it, or a colleague who mentioned the bot since): a bystander's click changes nothing.
 */
async function onChoice(rt: SlackRuntime, click: BlockActionReading, started: () => void): Promise<void> {
  const { externalId, reference, known } = isDirectMessage(click.channel)
    ? { ...click.conversation, known: true }
    : await threadConversation(rt, click.conversation, click.user);
  if (!known) {
    rt.deps.logger.debug({ conversation: click.conversation.externalId }, 'Slack button clicked by someone without a conversation in the thread: ignored');
    return;
  }
  const sender = await rt.identities.sender(click.team, click.user);
  // runTurn hands the click to the pipeline before its first await, so the next arrival may go once it returns.
  const turn = runTurn(rt, {
    channel: 'slack', eventId: click.eventId, conversation: { externalId, reference: { ...reference } }, sender, text: '',
    action: { value: click.action.value }, receivedAt: new Date(),
  }, reference);
  started();
  await Promise.all([markChosen(rt, click), turn]);
}

async function openForm(rt: SlackRuntime, click: BlockActionReading): Promise<void> {
  const form = decodeForm(click.action.value);
  if (!form || !click.triggerId) {
    rt.deps.logger.warn({ channel: click.channel }, 'Slack form button without a form or trigger_id');
    return;
  }
  const { reference } = click.conversation;
  await rt.client.views.open({ trigger_id: click.triggerId, view: formModal(form, { ...reference, submit: form.submitValue }) });
}
