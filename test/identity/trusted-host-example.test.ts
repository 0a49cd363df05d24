import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chat, said } from './helpers/direct-line-chat.js';
import { freePort, startTestDeskbot, type TestDeskbot } from './helpers/start-test-deskbot.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const canRun = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!canRun) console.warn(`trusted host browser test skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

const SECRET = 'trusted-host-example-secret-0123456789';
const EXAMPLE = path.resolve(import.meta.dirname, '../../examples/trusted-host/server.mjs');
let bot: TestDeskbot;
let host: ChildProcess;
let hostUrl: string;
let browser: Browser | undefined;
let ticket: string;

beforeAll(async () => {
  bot = await startTestDeskbot({ DIRECTLINE_SECRET: SECRET });
  const asked = await bot.fromSlack({ id: 'U0GRACE', team: 'T0ACME', email: 'grace.hopper@example.com' }, 'I want to talk to a human please');
  ticket = asked.replies.flatMap((r) => r.tickets ?? []).map((t) => t.number)[0]!;
  const port = await freePort();
  hostUrl = `http://127.0.0.1:${port}`;
  // Exactly as the README says to run it: plain node, the secret and the employee in the environment.
  host = spawn(process.execPath, [EXAMPLE], {
    env: { PATH: process.env.PATH, PORT: String(port), DESKBOT_URL: bot.url, DIRECTLINE_SECRET: SECRET,
      EMPLOYEE_ID: 'e-2002', EMPLOYEE_NAME: 'Grace Hopper', EMPLOYEE_EMAIL: 'Grace.Hopper@example.com' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    host.stdout!.on('data', (chunk: Buffer) => { if (chunk.toString().includes('intranet page on')) resolve(); });
    host.on('exit', (code) => reject(new Error(`the example exited with ${code}`)));
  });
  if (canRun) browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  host?.kill();
  await bot?.close();
});

test("the example's backend mints a token bound to its employee, and the secret never reaches the page", async () => {
  const html = await (await fetch(hostUrl)).text();
  expect(html).not.toContain(SECRET);
  const res = await fetch(`${hostUrl}/chat-token`, { method: 'POST' });
  const { token } = await res.json() as { token: string };
  expect(decodeJwt(token)).toMatchObject({ user: 'e-2002', name: 'Grace Hopper', email: 'Grace.Hopper@example.com' });
  const grant = { token, conversationId: String(decodeJwt(token).conv) };
  expect(said(await chat(bot.url, grant).say('my tickets'))).toContain(ticket);
});

test.skipIf(!canRun)('in Chromium: the intranet page (another origin) chats with deskbot as its employee', async () => {
  const page = await browser!.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  await page.goto(hostUrl);
  const bubble = (text: string) => page.locator('.webchat__bubble__content').filter({ hasText: text }).first();
  await bubble('the IT help desk').waitFor();
  const input = page.locator('[data-id="webchat-sendbox-input"]');
  await input.fill('my tickets');
  await input.press('Enter');
  await bubble('You have 1 open ticket').waitFor();
  await page.locator('.ac-adaptiveCard').filter({ hasText: ticket }).first().waitFor();
  expect(problems).toEqual([]);
  await page.close();
}, 60_000);
