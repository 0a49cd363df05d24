import type { TurnContext } from 'botbuilder';
import { postToConversation } from './outbound/post-to-conversation.js';
import type { TeamsTurnDeps } from './turn-deps.js';

const personalWelcome = "Hi, I'm deskbot, the IT service desk. Tell me what's wrong (\"VPN keeps dropping\") or what you need " +
  '("access to the finance share"), or type "my tickets" to see yours.';
const channelWelcome = "Hi, I'm deskbot, the IT service desk. Mention me with an IT problem or request and I'll answer in the thread; " +
  'for your own tickets, chat with me one-to-one.';

/**
 * `conversationUpdate` and `installationUpdate` (Teams: bot installed, added to a team, chat or personal scope):
 * a short welcome when the bot itself is among `membersAdded`, once per activity id across every instance (the shared
 * delivery log); installs and removals are logged.
 */
export async function handleMembershipChange(deps: TeamsTurnDeps, context: TurnContext): Promise<void> {
  const activity = context.activity;
  const teamId = (activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
  if (activity.type === 'installationUpdate') {
    deps.logger.info({ action: activity.action, teamId, conversationId: activity.conversation.id }, 'Teams app installation changed');
    return;
  }
  const botAdded = (activity.membersAdded ?? []).some((m) => m.id === activity.recipient.id);
  if (!botAdded || !(await deps.deliveries.first('teams', `welcome:${activity.conversation.id}|${activity.id ?? ''}`))) return;
  deps.logger.info({ teamId, conversationId: activity.conversation.id }, 'deskbot added to a Teams conversation');
  const personal = activity.conversation.conversationType === 'personal';
  await postToConversation(context, [{ type: 'message', text: personal ? personalWelcome : channelWelcome }]);
}
