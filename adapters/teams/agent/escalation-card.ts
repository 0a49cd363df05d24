import type { AgentPostKind, DeskMessage, EscalationView } from '../../../src/core/index.js';
import { adaptiveCard, factSet, localTime, textBlock, type AdaptiveCard, type CardElement } from '../outbound/adaptive-card.js';

/** What an escalation card's buttons carry: the escalation and the command (also the Action.Execute `verb`). */
export interface EscalationCommand {
  escalationId: string;
  command: 'claim' | 'resolve';
}

const reasons: Record<EscalationView['reason'], string> = {
  requested_human: 'Asked for a person',
  understanding_failed: 'deskbot did not understand',
  high_priority: 'High priority',
  frustration: 'Employee is frustrated',
  sla_risk: 'SLA response target near',
  agent_only: 'Needs an agent',
};

const shownMessages = 6;
const maxMessageLength = 300;

/**
 * The escalation as an Adaptive Card for the agent channel: ticket number, kind, priority and title; requester,
 * assignment group, reason and SLA response target; who has it; articles tried; the last messages; and Claim
 * (while it waits) or Resolve (once claimed) as Action.Execute buttons with verb `claim` / `resolve`.
 */
export function escalationCard(view: EscalationView, kind: AgentPostKind = 'initial'): AdaptiveCard {
  const { ticket } = view;
  const overdue = view.overdue || kind === 'overdue';
  const body: CardElement[] = [
    textBlock(`${overdue ? 'OVERDUE · ' : ''}P${ticket.priority} ${ticket.kind === 'incident' ? 'Incident' : 'Service request'} ${ticket.number}`, { bold: true, size: 'Medium' }),
    textBlock(ticket.title, { plain: true }),
    factSet([
      ['Requester', [view.requester.name, view.requester.email].filter(Boolean).join(' · ') || 'unknown'],
      ['Channel', view.requester.channel],
      ['Group', view.assignmentGroup ?? 'Service Desk'],
      ['Reason', reasons[view.reason] ?? view.reason],
      ['Response due', localTime(ticket.responseDueAt)],
      ['State', stateOf(view)],
      ...(view.articlesTried.length ? [['Articles tried', view.articlesTried.join(', ')] as [string, string]] : []),
    ]),
    ...conversation(view.messages),
  ];
  const hint = hintOf(view);
  if (hint) body.push(textBlock(hint, { subtle: true }));
  return adaptiveCard(body, actionsOf(view));
}

function stateOf(view: EscalationView): string {
  if (view.status === 'resolved') return view.claimedBy ? `Resolved by ${view.claimedBy.name}` : 'Resolved';
  if (view.claimedBy) return `Claimed by ${view.claimedBy.name}`;
  return 'Waiting for an agent';
}

function hintOf(view: EscalationView): string | null {
  if (view.status === 'resolved') return null;
  if (view.claimedBy) return 'Replies in this thread go to the employee. Resolve when done.';
  return 'Claim it, then reply in this thread to write to the employee.';
}

function actionsOf(view: EscalationView): CardElement[] {
  if (view.status === 'resolved') return [];
  const command: EscalationCommand['command'] = view.claimedBy ? 'resolve' : 'claim';
  const data: EscalationCommand = { escalationId: view.id, command };
  return [{ type: 'Action.Execute', title: command === 'claim' ? 'Claim' : 'Resolve', verb: command, data }];
}

function conversation(messages: DeskMessage[]): CardElement[] {
  const last = messages.slice(-shownMessages);
  if (last.length === 0) return [];
  return [{
    type: 'Container',
    separator: true,
    items: last.map((m) => textBlock(`${authorOf(m)}: ${clip(m.text)}`, { plain: true })),
  }];
}

function authorOf(message: DeskMessage): string {
  if (message.author === 'agent') return message.agentName ?? 'Agent';
  return message.author === 'employee' ? 'Employee' : message.author === 'bot' ? 'deskbot' : 'Note';
}

function clip(text: string): string {
  return text.length > maxMessageLength ? `${text.slice(0, maxMessageLength - 1)}…` : text;
}
