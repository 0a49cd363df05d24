import { DeskbotError } from '../../src/core/errors.js';
import type { AgentDesk, AgentRef, DeskMessage, EscalationView } from '../../src/core/index.js';

/** An in-memory {@link AgentDesk} with two agents and two open escalations; records what agents did. */
export interface FakeAgentDesk extends AgentDesk {
  agents: { alice: AgentRef; bob: AgentRef };
  tokens: { alice: string; bob: string };
  /** Escalations by id (mutable, so tests can add or change them). */
  escalations: Map<string, EscalationView>;
  /** Every agent reply relayed to an employee, in order. */
  sent: { agentId: string; escalationId: string; text: string }[];
  resolved: { agentId: string; escalationId: string; note?: string }[];
  released: { agentId: string; escalationId: string }[];
  /** Add an escalation built from {@link sampleEscalation} with `overrides`. */
  add(overrides: Partial<EscalationView> & { id: string }): EscalationView;
}

/** A realistic escalation for tests: an Outlook incident, P2, response due in `dueInMinutes` (default 25). */
export function sampleEscalation(overrides: Partial<EscalationView> & { id: string }, dueInMinutes = 25): EscalationView {
  const now = Date.now();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
  return {
    status: 'posted',
    reason: 'requested_human',
    assignmentGroup: null,
    ticket: {
      number: 'INC0001001', kind: 'incident', title: 'Outlook keeps crashing', priority: 2, status: 'new',
      responseDueAt: new Date(now + dueInMinutes * 60_000).toISOString(),
    },
    requester: { name: 'Erin Employee', email: 'erin@example.com', channel: 'web' },
    overdue: false,
    claimedBy: null,
    articlesTried: ['outlook-crashes'],
    messages: [
      { author: 'employee', text: 'Outlook crashes every time I open it', at: at(6) },
      { author: 'bot', text: 'Try starting Outlook in safe mode: outlook.exe /safe', at: at(6) },
      { author: 'employee', text: 'that did not help, can I talk to a person?', at: at(5) },
    ],
    createdAt: at(5),
    ...overrides,
  };
}

/** Create the fake desk. Claims are atomic: JS runs each check-and-set without interleaving. */
export function createFakeAgentDesk(): FakeAgentDesk {
  const agents = {
    alice: { id: 'agent-alice', name: 'Alice Agent', email: 'alice@example.com', groups: [], status: 'available' } as AgentRef,
    bob: { id: 'agent-bob', name: 'Bob Agent', email: 'bob@example.com', groups: ['Hardware'], status: 'away' } as AgentRef,
  };
  const tokens = { alice: 'tok-alice-0123456789', bob: 'tok-bob-0123456789' };
  const byToken = new Map([[tokens.alice, agents.alice], [tokens.bob, agents.bob]]);
  const escalations = new Map<string, EscalationView>();
  const desk: FakeAgentDesk = {
    agents, tokens, escalations, sent: [], resolved: [], released: [],
    add(overrides) {
      const e = sampleEscalation(overrides);
      escalations.set(e.id, e);
      return e;
    },
    async authenticate(token) {
      const agent = byToken.get(token);
      return agent ? { ...agent } : null;
    },
    async listOpen(agent) {
      return [...escalations.values()]
        .filter((e) => e.status !== 'resolved' && inGroups(agent, e))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .map(copy);
    },
    async get(_agent, id) {
      const e = escalations.get(id);
      return e ? copy(e) : null;
    },
    async claim(agent, id) {
      const e = open(id);
      if (e.claimedBy) return { claimed: false, escalation: copy(e) };
      e.claimedBy = { id: agent.id, name: agent.name };
      e.status = 'claimed';
      e.messages.push(line('system', `${agent.name} joined the conversation.`));
      return { claimed: true, escalation: copy(e) };
    },
    async sendMessage(agent, id, text) {
      const e = owned(agent, id);
      if (!text.trim()) throw new DeskbotError('bad_request', 'The text is empty.');
      e.messages.push({ ...line('agent', text), agentName: agent.name });
      desk.sent.push({ agentId: agent.id, escalationId: id, text });
    },
    async resolve(agent, id, note) {
      const e = owned(agent, id);
      e.status = 'resolved';
      e.ticket.status = 'resolved';
      desk.resolved.push({ agentId: agent.id, escalationId: id, ...(note ? { note } : {}) });
    },
    async release(agent, id) {
      const e = owned(agent, id);
      e.claimedBy = null;
      e.status = 'posted';
      desk.released.push({ agentId: agent.id, escalationId: id });
    },
    async setStatus(agent, status) {
      const stored = [...byToken.values()].find((a) => a.id === agent.id);
      if (stored) stored.status = status;
    },
    async agentForChannelUser(user) {
      return { id: `${user.channel}:${user.externalId}`, name: user.name, email: user.email ?? '', groups: [], status: 'available' };
    },
    async escalationIdForPost() {
      return null;
    },
  };

  function open(id: string): EscalationView {
    const e = escalations.get(id);
    if (!e) throw new DeskbotError('not_found', 'No such escalation.');
    if (e.status === 'resolved') throw new DeskbotError('conflict', 'This escalation is already resolved.');
    return e;
  }
  function owned(agent: AgentRef, id: string): EscalationView {
    const e = open(id);
    if (e.claimedBy?.id !== agent.id) throw new DeskbotError('forbidden', 'Only the agent who claimed it can do that.');
    return e;
  }
  desk.add({ id: 'esc-1', createdAt: new Date(Date.now() - 10 * 60_000).toISOString() });
  desk.add({
    id: 'esc-2', reason: 'high_priority', assignmentGroup: 'Network',
    ticket: { number: 'INC0001002', kind: 'incident', title: 'VPN down for the whole office', priority: 1, status: 'new',
      responseDueAt: new Date(Date.now() - 3 * 60_000).toISOString() },
    requester: { name: 'Sam Sales', email: 'sam@example.com', channel: 'slack' },
    overdue: true, articlesTried: [],
    messages: [{ author: 'employee', text: 'VPN is down for everyone in Leeds <script>alert(1)</script>', at: new Date().toISOString() }],
  });
  return desk;
}

function inGroups(agent: AgentRef, e: EscalationView): boolean {
  return agent.groups.length === 0 || e.assignmentGroup === null || agent.groups.includes(e.assignmentGroup);
}

function line(author: DeskMessage['author'], text: string): DeskMessage {
  return { author, text, at: new Date().toISOString() };
}

function copy(e: EscalationView): EscalationView {
  return structuredClone(e);
}
