import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Form } from '../../src/core/reply.js';
import { loadSeedIntents } from '../../src/classification/load-seed-intents.js';
import { loadRequestForms, parseRequestForms, seedRequestFormsPath } from '../../src/conversation/request-forms.js';
import { readFileSync } from 'node:fs';
import { createPipelineHarness, replyText, type PipelineHarness } from '../support/pipeline-harness.js';

let h: PipelineHarness;
beforeAll(async () => { h = await createPipelineHarness({ requestForms: loadRequestForms() }); });
afterAll(async () => { await h?.close(); });

/** An employee whose messages can carry form fields (the harness's `press` sends a bare value). */
function employee() {
  const sender = { externalId: `U${randomUUID().slice(0, 8)}`, name: 'Grace Hopper' };
  const conversation = { externalId: `C-${randomUUID()}` };
  const send = (text: string, action?: { value: string; fields?: Record<string, string> }, eventId: string = randomUUID()) =>
    h.handle({ channel: 'web', eventId, conversation, sender, text, ...(action ? { action } : {}) });
  return { conversation, say: (text: string) => send(text), submit: (value: string, fields: Record<string, string>, eventId?: string) => send('', { value, fields }, eventId) };
}

function formOf(result: Awaited<ReturnType<ReturnType<typeof employee>['say']>>): Form | undefined {
  return result.replies.find((r) => r.form)?.form;
}

async function ticketsOf(conversationExternalId: string) {
  return h.db.prisma.ticket.findMany({ where: { conversation: { externalId: conversationExternalId } } });
}

/** Reach the point where deskbot is about to open an access request: articles offered, then "no". */
async function askForAccess(emp: ReturnType<typeof employee>) {
  const offered = await emp.say('i need access to the finance share');
  expect(offered.summary.intent).toBe('access_request');
  return emp.say('no');
}

describe('service-request forms', () => {
  test('the shipped forms belong to service-request intents and parse', () => {
    const intents = new Map(loadSeedIntents().intents.map((i) => [i.name, i.kind]));
    const names = Object.keys(JSON.parse(readFileSync(seedRequestFormsPath, 'utf8')) as object);
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const name of names) expect(intents.get(name)).toBe('service_request');
    expect(loadRequestForms().get('access_request')?.submitValue).toBe('form:access_request');
    expect(() => parseRequestForms({ x: { title: 'T', submitLabel: 'Go', fields: [{ id: 'a', label: 'A', kind: 'select', required: true }] } }))
      .toThrow(/select needs options/);
  });

  test('about to open an access request, deskbot sends the form and its words; no ticket yet', async () => {
    const emp = employee();
    const asked = await askForAccess(emp);
    const form = formOf(asked);
    expect(form?.submitValue).toBe('form:access_request');
    expect(form?.fields.map((f) => f.id)).toEqual(['system', 'access_level', 'business_reason']);
    expect(replyText(asked)).toMatch(/system, share or group; access level \(read only, read and write, owner or administrator\); business reason/);
    expect(asked.summary.ticket).toBeUndefined();
    expect(await ticketsOf(emp.conversation.externalId)).toHaveLength(0);
  });

  test('submitting opens the request once, with the details (redacted) in its description', async () => {
    const emp = employee();
    await askForAccess(emp);
    const missing = await emp.submit('form:access_request', { system: 'Finance share', access_level: 'read' });
    expect(replyText(missing)).toMatch(/please fill in: Business reason/);
    expect(formOf(missing)).toBeDefined();
    expect(await ticketsOf(emp.conversation.externalId)).toHaveLength(0);

    const fields = { system: 'Finance share', access_level: 'read', business_reason: 'Quarter close; my password is Hunter2!xyz' };
    const eventId = randomUUID();
    const opened = await emp.submit('form:access_request', fields, eventId);
    expect(opened.summary.ticket).toMatch(/^REQ\d{7}$/);
    const [ticket] = await ticketsOf(emp.conversation.externalId);
    expect(ticket?.intent).toBe('access_request');
    expect(ticket?.title).toBe('i need access to the finance share');
    expect(ticket?.description).toContain('- System, share or group: Finance share');
    expect(ticket?.description).toContain('- Access level: Read only');
    expect(ticket?.description).not.toContain('Hunter2');

    expect((await emp.submit('form:access_request', fields, eventId)).duplicate).toBe(true);
    const again = await emp.submit('form:access_request', fields);
    expect(replyText(again)).toContain(`already logged as ${opened.summary.ticket}`);
    expect(await ticketsOf(emp.conversation.externalId)).toHaveLength(1);
  });

  test('a select value the form does not offer counts as missing', async () => {
    const emp = employee();
    await askForAccess(emp);
    const bad = await emp.submit('form:access_request', { system: 'SAP', access_level: 'root', business_reason: 'audit' });
    expect(replyText(bad)).toMatch(/Access level/);
    expect(await ticketsOf(emp.conversation.externalId)).toHaveLength(0);
  });

  test('without forms, the details can be typed; "no" cancels', async () => {
    const typed = employee();
    await askForAccess(typed);
    const opened = await typed.say('Salesforce, read only, I run the quarterly pipeline report');
    expect(opened.summary.ticket).toMatch(/^REQ/);
    const [ticket] = await ticketsOf(typed.conversation.externalId);
    expect(ticket?.description).toContain('- Details: Salesforce, read only, I run the quarterly pipeline report');

    const cancelled = employee();
    await askForAccess(cancelled);
    expect(replyText(await cancelled.say('no'))).toMatch(/no ticket/i);
    expect(await ticketsOf(cancelled.conversation.externalId)).toHaveLength(0);
  });

  test('a form sent after the employee moved on still opens the request', async () => {
    const emp = employee();
    await askForAccess(emp);
    const status = await emp.say('show my tickets');
    expect(status.summary.kind).toBe('ticket_status');
    const late = await emp.submit('form:access_request', { system: 'HR share', access_level: 'write', business_reason: 'new role' });
    expect(late.summary.ticket).toMatch(/^REQ/);
    const [ticket] = await ticketsOf(emp.conversation.externalId);
    expect(ticket?.description).toContain('- System, share or group: HR share');
  });

  test('intents without a form open at once, as before', async () => {
    const emp = employee();
    await emp.say('please reset my password');
    const opened = await emp.say('no');
    expect(opened.summary.ticket).toMatch(/^REQ/);
    expect(formOf(opened)).toBeUndefined();
  });
});
