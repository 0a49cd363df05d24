import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { AgentDesk, AgentRef, EscalationView } from '../../../src/core/index.js';
import { sendInvokeResponse } from '../invoke-response.js';
import { adaptiveCardType } from '../outbound/adaptive-card.js';
import { escalationCard } from './escalation-card.js';
import { deskErrorText } from './desk-error-text.js';

const commandSchema = z.object({ escalationId: z.string().min(1).max(100), command: z.enum(['claim', 'resolve']) });

/**
 * Claim or Resolve pressed on an escalation card. The acting agent is the clicking Teams user (linked to a desk agent
 * by AAD object id, then email). The card is refreshed to show who has it and its state: in the invoke response
 * for Action.Execute, by updating the card's message for Action.Submit. A refusal (someone else has it, already
 * resolved) is shown to the clicking agent. A repeated invoke (Teams resent it) only re-reads the escalation.
 */
export async function runEscalationCommand(
  desk: AgentDesk, context: TurnContext, agentOf: (c: TurnContext) => Promise<AgentRef>, options: { invoke: boolean; repeat: boolean },
): Promise<void> {
  const activity = context.activity;
  const data = options.invoke ? (activity.value as { action?: { data?: unknown } } | undefined)?.action?.data : activity.value;
  const parsed = commandSchema.safeParse(data);
  if (!parsed.success) {
    if (options.invoke) await sendInvokeResponse(context, { message: 'This button is not one of deskbot’s.' });
    return;
  }
  const agent = await agentOf(context);
  let view: EscalationView | null = null;
  let refusal: string | null = null;
  try {
    view = options.repeat ? await desk.get(agent, parsed.data.escalationId) : await apply(desk, agent, parsed.data);
  } catch (err) {
    refusal = deskErrorText(err);
  }
  if (options.invoke) {
    await sendInvokeResponse(context, view && !refusal ? { card: escalationCard(view) } : { message: refusal ?? 'This escalation no longer exists.' });
    return;
  }
  if (view && activity.replyToId) {
    await context.updateActivity({ id: activity.replyToId, type: 'message', attachments: [{ contentType: adaptiveCardType, content: escalationCard(view) }] });
  }
  if (refusal) await context.sendActivity({ type: 'message', text: refusal });
}

async function apply(desk: AgentDesk, agent: AgentRef, command: z.infer<typeof commandSchema>): Promise<EscalationView | null> {
  if (command.command === 'claim') return (await desk.claim(agent, command.escalationId)).escalation;
  await desk.resolve(agent, command.escalationId);
  return desk.get(agent, command.escalationId);
}
