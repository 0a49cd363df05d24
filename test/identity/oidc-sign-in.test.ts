import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startLocalOidcProvider, type LocalOidcProvider } from './helpers/local-oidc-provider.js';
import { freePort, startTestDeskbot, type TestDeskbot } from './helpers/start-test-deskbot.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// Under CI the browser must be there (CI installs Debian's chromium); on a developer machine without it, skip.
const canRun = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!canRun) console.warn(`sign-in browser test skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

let provider: LocalOidcProvider;
let bot: TestDeskbot;
let browser: Browser | undefined;
let slackTicket: string;

beforeAll(async () => {
  const port = await freePort();
  provider = await startLocalOidcProvider(`http://127.0.0.1:${port}/auth/callback`, [
    { login: 'ada', name: 'Ada Lovelace', email: 'Ada.Lovelace@Example.com' },
    { login: 'eve', name: 'Eve Mallory', email: 'ada.lovelace@example.com', emailVerified: false },
  ]);
  bot = await startTestDeskbot({
    PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`,
    OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: provider.clientId, OIDC_CLIENT_SECRET: provider.clientSecret,
  });
  // Ada asked for help in Slack first; the Slack adapter delivers her as a verified user with her Slack email.
  const asked = await bot.fromSlack({ id: 'U0ADA', team: 'T0ACME', email: 'ada.lovelace@example.com' }, 'I want to talk to a human please');
  slackTicket = asked.replies.flatMap((r) => r.tickets ?? []).map((t) => t.number)[0]!;
  expect(slackTicket).toMatch(/^REQ\d{7}$/);
  if (canRun) browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await bot?.close();
  await provider?.close();
});

test('without a session the page token route asks for sign-in; a forged session cookie is no session', async () => {
  expect((await fetch(`${bot.url}/api/web/token`, { method: 'POST' })).status).toBe(401);
  const forged = await fetch(`${bot.url}/api/web/token`, { method: 'POST', headers: { cookie: 'deskbot_session=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..x.y.z' } });
  expect(forged.status).toBe(401);
});

test('sign-in starts with state, nonce and an S256 PKCE challenge kept in an HttpOnly, SameSite=Lax cookie', async () => {
  const res = await fetch(`${bot.url}/auth/login`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const to = new URL(res.headers.get('location')!);
  expect(to.origin).toBe(provider.issuer);
  expect(Object.fromEntries(to.searchParams)).toMatchObject({
    response_type: 'code', client_id: provider.clientId, redirect_uri: `${bot.url}/auth/callback`, scope: 'openid profile email',
    code_challenge_method: 'S256', code_challenge: expect.stringMatching(/^[\w-]{43}$/), state: expect.any(String), nonce: expect.any(String),
  });
  const cookie = res.headers.get('set-cookie')!;
  expect(cookie).toMatch(/^deskbot_signin=/);
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
  expect(cookie).not.toMatch(/Secure/i);
  expect(cookie).not.toContain(to.searchParams.get('state')!);

  const noCookie = await fetch(`${bot.url}/auth/callback?code=abc&state=${to.searchParams.get('state')}`, { redirect: 'manual' });
  expect(noCookie.status).toBe(400);
  const wrongState = await fetch(`${bot.url}/auth/callback?code=abc&state=not-the-state`, { redirect: 'manual', headers: { cookie: cookie.split(';')[0]! } });
  expect(wrongState.status).toBe(400);
  expect(await wrongState.text()).toContain('Sign-in failed');
});

async function signIn(page: Page, login: string): Promise<void> {
  // The provider's dev pages import a web font; nothing here may leave the machine.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  await page.goto(bot.url);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').filter({ hasText: /continue/i }).click();
  await page.waitForURL(`${bot.url}/`);
}

const bubble = (page: Page, text: string) => page.locator('.webchat__bubble__content').filter({ hasText: text }).first();

test.skipIf(!canRun)('in Chromium: sign in at the provider, land on the chat, and "my tickets" lists the ticket opened in Slack', async () => {
  const context = await browser!.newContext({ viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await signIn(page, 'ada');
  await page.locator('#who').filter({ hasText: 'Signed in as Ada Lovelace' }).waitFor();
  await bubble(page, 'the IT help desk').waitFor();

  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.fill('my tickets');
  await input.press('Enter');
  await bubble(page, 'You have 1 open ticket').waitFor();
  await page.locator('.ac-adaptiveCard').filter({ hasText: slackTicket }).first().waitFor();
  await page.screenshot({ path: '/tmp/deskbot-signed-in.png' });

  const prisma = bot.deskbot.infrastructure.prisma;
  const employee = await prisma.employee.findFirstOrThrow({ where: { email: 'ada.lovelace@example.com' }, include: { identities: true } });
  expect(employee.identities.map((i) => [i.channel, i.tenant])).toEqual(expect.arrayContaining([['slack', 'T0ACME'], ['web', provider.issuer]]));
  expect(provider.grants).toContain('authorization_code');

  await page.reload();
  await bubble(page, 'You have 1 open ticket').waitFor();
  // Signing out ends the provider's session too (RP-Initiated Logout): the provider asks to confirm, then sends the
  // browser back to deskbot's signed-out page, and the next sign-in asks for the login again.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.origin === provider.issuer);
  await page.locator('button[name="logout"][value="yes"]').click();
  await page.getByText('You have signed out of deskbot.').waitFor();
  expect(page.url()).toBe(`${bot.url}/auth/signed-out`);
  expect(provider.endedSessions).toBe(1);
  const after = await page.evaluate(async () => (await fetch('/api/web/token', { method: 'POST' })).status);
  expect(after).toBe(401);
  await page.goto(bot.url);
  await page.locator('input[name="login"]').waitFor();
  expect(problems).toEqual([]);
  await context.close();
}, 90_000);

test.skipIf(!canRun)('in Chromium: an account whose provider says email_verified: false is not linked to that email', async () => {
  const context = await browser!.newContext();
  const page = await context.newPage();
  await signIn(page, 'eve');
  await page.locator('#who').filter({ hasText: 'Signed in as Eve Mallory' }).waitFor();
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.fill('my tickets');
  await input.press('Enter');
  await bubble(page, 'You have no open tickets.').waitFor();
  await input.fill(`status of ${slackTicket}`);
  await input.press('Enter');
  await bubble(page, `find ${slackTicket} among your tickets`).waitFor();
  await context.close();
}, 90_000);
