import type { types } from '@slack/bolt';
import type { AgentPostKind, DeskMessage, EscalationView } from '../../../src/core/index.js';
import { button, clip, mrkdwn, plain } from './block-kit.js';
import { escapeMrkdwn, slackDate } from './mrkdwn.js';
import { actionIds, type SlackMessage } from './reply-blocks.js';
import { priorityLabel } from './ticket-blocks.js';

const reasons: Record<EscalationView['reason'], string> = {
  requested_human: 'Asked for a person',
  understanding_failed: 'The bot could not understand',
  high_priority: 'High priority',
  frustration: 'The employee is frustrated',
  sla_risk: 'SLA response target near',
  agent_only: 'Needs an agent',
};

/** Lines of the conversation shown in the post; the rest is in the agent console. */
const summaryLines = 6;

/**
 * An escalation as the agent channel's post: ticket, priority and SLA clock, requester, why it was escalated, the
 * conversation so far and the articles tried, then Claim (while nobody has it) or Resolve (once claimed). The post is
 * refreshed with the same function when someone claims or resolves it.
 */
export function escalationMessage(view: EscalationView, kind: AgentPostKind = 'initial'): SlackMessage {
  const t = view.ticket;
  const headline = `${kind === 'overdue' || view.overdue ? ':alarm_clock: Overdue · ' : ''}${priorityLabel(t.priority)} ${t.kind === 'incident' ? 'incident' : 'service request'} ${t.number}`;
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: plain(headline, 150) },
    {
      type: 'section',
      text: mrkdwn(`*${escapeMrkdwn(clip(t.title, 300))}*`),
      fields: [
        mrkdwn(`*Requester*\n${escapeMrkdwn(requester(view))}`),
        mrkdwn(`*Why*\n${reasons[view.reason]}`),
        mrkdwn(`*State*\n${state(view)}`),
        mrkdwn(`*Response due*\n${slackDate(t.responseDueAt)}${view.overdue ? ' (passed)' : ''}`),
        mrkdwn(`*Assignment group*\n${escapeMrkdwn(view.assignmentGroup ?? 'Service Desk')}`),
      ],
    },
  ];
  const lines = view.messages.slice(-summaryLines).map(line);
  if (lines.length) blocks.push({ type: 'section', text: mrkdwn(clip(lines.join('\n'), 2900)) });
  if (view.articlesTried.length) blocks.push({ type: 'context', elements: [mrkdwn(`Articles tried: ${escapeMrkdwn(view.articlesTried.join(', '))}`)] });
  blocks.push(...actions(view));
  return { text: `${headline}: ${clip(t.title, 200)} (${state(view)})`, blocks };
}

function actions(view: EscalationView): types.KnownBlock[] {
  if (view.status === 'resolved') return [];
  const act = view.claimedBy
    ? button(actionIds.resolve, 'Resolve', view.id, 'primary')
    : button(actionIds.claim, 'Claim', view.id, 'primary');
  const hint = view.claimedBy ? 'Reply in this thread to write to the employee.' : 'Claim it, then reply in this thread to write to the employee.';
  return [{ type: 'actions', block_id: 'deskbot:escalation', elements: [act] }, { type: 'context', elements: [mrkdwn(hint)] }];
}

function state(view: EscalationView): string {
  if (view.status === 'resolved') return `:white_check_mark: Resolved${view.claimedBy ? ` by ${escapeMrkdwn(view.claimedBy.name)}` : ''}`;
  if (view.claimedBy) return `:raising_hand: Claimed by ${escapeMrkdwn(view.claimedBy.name)}`;
  return ':hourglass_flowing_sand: Waiting for an agent';
}

function requester(view: EscalationView): string {
  const who = [view.requester.name, view.requester.email && `<${view.requester.email}>`].filter(Boolean).join(' ');
  return `${who || 'Unknown employee'} · ${view.requester.channel}`;
}

function line(message: DeskMessage): string {
  const who = message.author === 'agent' ? message.agentName ?? 'Agent' : message.author === 'employee' ? 'Employee' : message.author === 'bot' ? 'Bot' : 'Note';
  return `> *${escapeMrkdwn(who)}:* ${escapeMrkdwn(clip(message.text.replace(/\s*\n\s*/g, ' '), 400))}`;
}
