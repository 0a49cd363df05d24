import { expect } from 'vitest';
import type { TeamsHarness } from './teams-harness.js';

/** A recorded activity and what a correct bot does with it (the format of the shared Teams fixture pack). */
export interface TeamsFixture {
  description: string;
  activity: Record<string, unknown>;
  expect: Record<string, unknown>;
}

/**
 * POST the fixture's activity through the harness and check every `expect` key it states:
 * status, whether the pipeline got a user message (and its text, conversation, sender), card actions (value, reply
 * target), invoke responses, welcome posts, installation logs, and the connector call of the reply.
 */
export async function runFixture(h: TeamsHarness, fixture: TeamsFixture): Promise<void> {
  const e = fixture.expect;
  const activity = fixture.activity;
  const inboundBefore = h.inbound.length;
  const callsBefore = h.stub.activityCalls().length;
  const res = await h.post(activity);
  const inbound = h.inbound.slice(inboundBefore);
  const calls = h.stub.activityCalls().slice(callsBefore);
  const message = inbound[0];
  expect(res.status, 'HTTP status').toBe(e.status ?? 200);
  const userMessages = inbound.filter((m) => !m.action);
  expect(userMessages.length, 'user messages handed to the pipeline').toBe(e.user_message ? 1 : 0);
  if ('action' in e) expect(Boolean(message?.action), 'card action handed to the pipeline').toBe(e.action);
  if (e.user_message && typeof e.text === 'string') expect(message?.text).toBe(e.text);
  if (e.text === null) expect(message?.text ?? '').toBe('');
  if (typeof e.raw_text === 'string') expect((message?.raw as { text?: string }).text).toBe(e.raw_text);
  if (e.mention === true) expect(message?.text).not.toContain('<at>');
  if (message && typeof e.conversation_id === 'string') expect(message.conversation.externalId).toBe(e.conversation_id);
  if (message && typeof e.conversation_type === 'string') {
    expect((message.conversation.reference?.conversation as { conversationType?: string }).conversationType).toBe(e.conversation_type);
  }
  if (message && typeof e.from_id === 'string') expect((message.conversation.reference?.user as { id: string }).id).toBe(e.from_id);
  if (message && e.value !== undefined) expect(actionPayload(message.action?.value)).toEqual(e.value);
  if (typeof e.reply_to_id === 'string') expect(activity.replyToId).toBe(e.reply_to_id);
  if (e.invoke_response) checkInvoke(res.body, e, activity, message?.action?.value);
  if (e.bot_added) checkWelcome(calls, String(e.conversation_id));
  if (e.installed || e.bot_added) {
    expect(h.logs.some((l) => l.fields.teamId === e.team_id), 'team id logged').toBe(true);
  }
  if (e.installed || e.reaction_added || e.no_outbound) expect(calls, 'nothing posted').toEqual([]);
  if (typeof e.outbound_reply === 'string') checkOutbound(calls, e.outbound_reply);
}

function actionPayload(value: string | undefined): unknown {
  try {
    return JSON.parse(value ?? '');
  } catch {
    return value;
  }
}

function checkInvoke(body: unknown, e: Record<string, unknown>, activity: Record<string, unknown>, actionValue?: string): void {
  const action = (activity.value as { action: { type: string; verb?: string; data: unknown } }).action;
  expect(action.type).toBe(e.action_type);
  if (e.verb === null) expect(action.verb).toBeUndefined();
  const example = e.response_body_example as { statusCode: number; type: string } | undefined;
  expect(body).toMatchObject({ statusCode: example?.statusCode ?? 200 });
  expect(['application/vnd.microsoft.activity.message', 'application/vnd.microsoft.card.adaptive']).toContain((body as { type: string }).type);
  if (e.data !== undefined) expect(actionPayload(actionValue)).toEqual(e.data);
}

function checkWelcome(calls: Array<{ method: string; path: string }>, conversationId: string): void {
  expect(calls.some((c) => c.method === 'POST' && c.path.endsWith(`/v3/conversations/${conversationId}/activities`)), 'welcome posted').toBe(true);
}

// "POST <serviceUrl>/v3/conversations/<id>/activities[/<replyToId>]": the reply goes to that conversation, optionally
// as a reply to the given activity.
function checkOutbound(calls: Array<{ method: string; rawPath: string }>, spec: string): void {
  const m = /^(\w+) <serviceUrl>\/(v3\/conversations\/[^/]+\/activities)(?:\[\/([^\]]+)\])?$/.exec(spec);
  if (!m) throw new Error(`unreadable outbound_reply: ${spec}`);
  const [, method, path, replyTo] = m;
  const accepted = [`/amer/${path}`, ...(replyTo ? [`/amer/${path}/${replyTo}`] : [])];
  expect(calls.map((c) => `${c.method} ${c.rawPath}`), 'reply posted to the connector').toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${method} (${accepted.map(escape).join('|')})$`))]));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
