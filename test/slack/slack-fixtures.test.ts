import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { conversationHolder } from '../../src/conversation/conversation-holder.js';
import { loadRequestForms } from '../../src/conversation/request-forms.js';
import { createTicketDirectory } from '../../src/tickets/ticket-directory.js';
import { createPipelineHarness, type PipelineHarness } from '../support/pipeline-harness.js';
import type { BotIdentity, RecordedCall } from './support/slack-api-stub.js';
import { fixtureBody, fixtureJson, loadSlackFixtures, type SlackFixture } from './support/slack-fixtures.js';
import { startSlackHarness, testBot, type SlackHarness } from './support/slack-harness.js';

const ownDir = path.resolve(import.meta.dirname, '../fixtures/slack');
const sharedDir = path.resolve(import.meta.dirname, '../../../shared/fixtures/slack');

/**
 * Every fixture of a folder, in file order, through the real Slack channel and the real pipeline, each checked
 * against its `expect`. A fixture that is `same_message_as` another is sent together with it.
 * @param slashCommand the command the recorded app was given (SLACK_SLASH_COMMAND); deskbot's own `/it` when unset
 */
function fixtureSuite(dir: string, bot: BotIdentity, slashCommand?: string): void {
  const fixtures = loadSlackFixtures(dir);
  let p: PipelineHarness;
  let h: SlackHarness;
  const results = new Map<string, { status: number; text: string; json: any; posts: RecordedCall[]; inbound: number }>();

  beforeAll(async () => {
    p = await createPipelineHarness({ requestForms: loadRequestForms() });
    h = await startSlackHarness({
      bot, turns: { handle: (m) => p.handle(m) }, tickets: createTicketDirectory(p.db.prisma),
      conversationHolder: (id) => conversationHolder(p.db.prisma, 'slack', id), ...(slashCommand ? { slashCommand } : {}),
    });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await p?.close();
  });

  async function deliver(f: SlackFixture): Promise<void> {
    const partner = fixtures.find((o) => o.expect.same_message_as === `${f.name}.json`);
    const batch = partner ? [f, partner] : [f];
    const postsBefore = h.api.of('chat.postMessage').length;
    const inboundBefore = await p.db.prisma.message.count({ where: { direction: 'inbound' } });
    const answers = await Promise.all(batch.map((x) => h.post(fixtureBody(x), { contentType: x.content_type, ...(x.headers ? { headers: x.headers } : {}) })));
    await h.slack.idle();
    const posts = h.api.of('chat.postMessage').slice(postsBefore);
    const inbound = (await p.db.prisma.message.count({ where: { direction: 'inbound' } })) - inboundBefore;
    batch.forEach((x, i) => results.set(x.name, { ...answers[i]!, posts, inbound }));
  }

  for (const f of fixtures) {
    test(`${f.name}: ${f.description.slice(0, 70)}`, async () => {
      if (!results.has(f.name)) await deliver(f);
      const r = results.get(f.name)!;
      const e = f.expect;
      expect(r.status).toBe(e.status);
      if (e.challenge_echo) expect(r.json?.challenge ?? r.text).toBe(e.challenge_echo);
      if (e.user_message === true) await expectAnswered(f, r);
      if (e.same_message_as || e.reply_once) {
        expect(r.inbound).toBe(1);
        expect(r.posts).toHaveLength(1);
      }
      if (e.ignored || e.user_message === false || e.duplicate_of || e.must_not_reprocess || e.action || e.callback_id) {
        expect(r.posts).toHaveLength(0);
        expect(r.inbound).toBe(0);
      }
      if (e.callback_id) expect(r.text).toBe('');
      if (e.command) {
        expect(r.json).toMatchObject({ response_type: 'ephemeral' });
        // The stand-in's conversations.open names the DM after the user: the answer went there, quoting the words.
        const answers = r.posts.filter((c) => c.body.channel === `D${String(e.user).slice(1)}`);
        expect(answers).toHaveLength(1);
        expect(answers[0]?.body.blocks[0].text.text).toBe(`> ${e.text}`);
      }
    });
  }

  async function expectAnswered(f: SlackFixture, r: { posts: RecordedCall[]; inbound: number }): Promise<void> {
    const e = f.expect;
    const event = fixtureJson(f).event as { ts: string; channel: string };
    const replies = r.posts.filter((c) => c.body.channel === e.channel);
    expect(replies).toHaveLength(1);
    const thread = e.reply_thread_ts ?? e.thread_ts ?? undefined;
    expect(replies[0]?.body.thread_ts).toBe(thread);
    const stored = await p.db.prisma.message.findFirstOrThrow({ where: { eventId: `${event.channel}:${event.ts}`, direction: 'inbound' } });
    expect(stored.text).toBe(e.text);
  }
}

describe('deskbot\'s own Slack fixtures (test/fixtures/slack)', () => {
  fixtureSuite(ownDir, testBot);
});

// Optional: the pack lives beside the checkout, not in it. A skipped describe still runs its body at collection,
// so the folder is checked before the suite is declared at all.
if (existsSync(sharedDir)) {
  describe('the shared Slack fixture pack (../shared/fixtures/slack)', () => {
    // The recorded workspace named its command /test-feedback: configured so, as SLACK_SLASH_COMMAND would be.
    fixtureSuite(sharedDir, { userId: 'U00FAKEBOT01', botId: 'B00FAKEBOT01', team: 'T00FAKE00AA' }, '/test-feedback');
  });
} else {
  test.skip('the shared Slack fixture pack (../shared/fixtures/slack) is not beside this checkout', () => undefined);
}
