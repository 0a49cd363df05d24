import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ChannelName, SenderIdentity } from '../../src/core/index.js';
import { createPipelineHarness, replyText, type PipelineHarness } from '../support/pipeline-harness.js';
import { employeeFromClaims } from '../../adapters/web/sign-in/oidc-relying-party.js';

let harness: PipelineHarness;
beforeAll(async () => { harness = await createPipelineHarness(); }, 60_000);
afterAll(async () => { await harness?.close(); });

const ISSUER = 'https://login.example.com/realms/staff';
// As the Slack adapter produces it: a signed request vouches for the user, users.info gave the email.
const slack: SenderIdentity = { externalId: 'U0123ABCD', tenant: 'T0ACME', email: 'noor.haddad@example.com', verified: true };
// As the web channel produces it after sign-in: the ID token's subject in the issuer's namespace.
const web: SenderIdentity = { externalId: 'b7c1e0d2-sub', tenant: ISSUER, email: 'Noor.Haddad@Example.com', name: 'Noor Haddad', verified: true };

function say(channel: ChannelName, sender: SenderIdentity, text: string, conversation = `${channel}-${sender.externalId}`) {
  return harness.handle({ channel, eventId: randomUUID(), conversation: { externalId: conversation }, sender, text });
}

const ticketsIn = (text: string) => [...text.matchAll(/\b(?:INC|REQ)\d{7}\b/g)].map((m) => m[0]);

test('the same employee through Slack and a verified web session sees one ticket list', async () => {
  const fromSlack = await say('slack', slack, 'I want to talk to a human please');
  const slackTicket = fromSlack.replies.flatMap((r) => r.tickets ?? [])[0]!.number;
  const fromWeb = await say('web', web, 'can I talk to a human please', 'dl-conv-1');
  const webTicket = fromWeb.replies.flatMap((r) => r.tickets ?? [])[0]!.number;
  expect(webTicket).not.toBe(slackTicket);

  const listWeb = await say('web', web, 'my tickets', 'dl-conv-2');
  const listSlack = await say('slack', slack, 'my tickets', 'slack-dm-2');
  const numbers = (r: typeof listWeb) => r.replies.flatMap((x) => x.tickets ?? []).map((t) => t.number).sort();
  expect(numbers(listWeb)).toEqual([slackTicket, webTicket].sort());
  expect(numbers(listSlack)).toEqual(numbers(listWeb));
  expect(replyText(await say('web', web, `status of ${slackTicket}`, 'dl-conv-3'))).toContain(`Here is ${slackTicket}`);
});

test('a guest who types the same email, or a sign-in whose email is unverified, sees none of them', async () => {
  const guest: SenderIdentity = { externalId: 'guest:dl-conv-9', email: 'noor.haddad@example.com', verified: false };
  expect(replyText(await say('web', guest, 'my tickets', 'dl-conv-9'))).toContain('You have no open tickets');
  const unverified = employeeFromClaims({ iss: ISSUER, sub: 'other-sub', email: 'noor.haddad@example.com', email_verified: false, name: 'Not Noor' });
  expect(unverified.email).toBeUndefined();
  const sender: SenderIdentity = { externalId: unverified.id, tenant: unverified.tenant, name: unverified.name, verified: true };
  const list = await say('web', sender, 'my tickets', 'dl-conv-10');
  expect(ticketsIn(replyText(list))).toEqual([]);
  expect(list.replies.flatMap((r) => r.tickets ?? [])).toEqual([]);
});

test('ID token claims: email kept unless email_verified is false; the name falls back to preferred_username', () => {
  expect(employeeFromClaims({ iss: ISSUER, sub: 's1', email: 'a@example.com', name: 'A' })).toEqual({ id: 's1', tenant: ISSUER, name: 'A', email: 'a@example.com' });
  expect(employeeFromClaims({ iss: ISSUER, sub: 's2', email: 'b@example.com', email_verified: true, preferred_username: 'bee' }))
    .toEqual({ id: 's2', tenant: ISSUER, name: 'bee', email: 'b@example.com' });
  expect(employeeFromClaims({ iss: ISSUER, sub: 's3', email: 'c@example.com', email_verified: false }).email).toBeUndefined();
});
