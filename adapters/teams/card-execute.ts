import type { TurnContext } from 'botbuilder';
import { runEmployeeTurn } from './employee-turn.js';
import { toInboundAction } from './inbound/card-action.js';
import { sendInvokeResponse } from './invoke-response.js';
import type { TeamsTurnDeps } from './turn-deps.js';

/**
 * An Action.Execute in an employee's conversation: its `data` goes through the pipeline as an action (like an
 * Action.Submit), the replies are posted to the conversation, and the invoke is answered with the first reply's text
 * so Teams shows the outcome by the card at once.
 */
export async function answerCardExecute(deps: TeamsTurnDeps, context: TurnContext): Promise<void> {
  const action = (context.activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)?.action;
  const inbound = toInboundAction(action?.data ?? {}) ?? { value: typeof action?.verb === 'string' ? action.verb : '' };
  const result = await runEmployeeTurn(deps, context, inbound);
  const message = result.replies[0]?.text ?? (result.duplicate ? 'Already taken care of.' : 'Done.');
  await sendInvokeResponse(context, { message });
}
