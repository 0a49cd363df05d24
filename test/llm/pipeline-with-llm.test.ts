import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCircuitBreaker, createLlmAssistant, createStructuredChat } from '../../src/llm/index.js';
import { createPipelineHarness, replyText, type PipelineHarness } from '../support/pipeline-harness.js';
import { startFakeOpenAi, type FakeReply, type FakeRequest } from './fake-openai-server.js';

let answer: (body: FakeRequest) => FakeReply = () => ({ status: 500 });
let server: Awaited<ReturnType<typeof startFakeOpenAi>>;
let h: PipelineHarness;

beforeAll(async () => {
  server = await startFakeOpenAi((body) => answer(body));
  const chat = createStructuredChat({ apiKey: 'sk-test', baseURL: server.baseURL, model: 'test-model', timeoutMs: 2000 });
  // A high threshold keeps the circuit closed through the failure test below.
  h = await createPipelineHarness({ llm: createLlmAssistant(chat, createCircuitBreaker({ failureThreshold: 100, cooldownMs: 1000 }), 0.6) });
});
afterAll(async () => {
  await h?.close();
  await server?.close();
});

const schemaOf = (body: FakeRequest) => body.response_format?.json_schema?.name;
const STRANGE = 'the thingamajig beside my keyboard hums and refuses to talk to the mothership';

describe('pipeline with a language model', () => {
  it('acts on the intent the model picks for a message the embedded classifier is unsure of', async () => {
    answer = (body) => ({ content: JSON.stringify(schemaOf(body) === 'intent_choice' ? { intent: 'hardware_fault' } : { answerable: false, answer: '', citations: [] }) });
    const before = server.requests.length;
    const result = await h.employee().say(STRANGE);
    expect(server.requests.length).toBeGreaterThan(before);
    expect(result.summary).toMatchObject({ kind: 'incident', intent: 'hardware_fault' });
  });

  it('holds no database transaction open while the model classifies', async () => {
    const observer = new pg.Client({ connectionString: h.db.url });
    await observer.connect();
    const seen: Array<Promise<number>> = [];
    answer = (body) => {
      if (schemaOf(body) !== 'intent_choice') return { content: JSON.stringify({ answerable: false, answer: '', citations: [] }) };
      // Looked at while the model is "thinking" (the answer is delayed): a turn transaction would show as idle in transaction.
      seen.push(new Promise((resolve) => setTimeout(resolve, 150)).then(async () => {
        const { rows } = await observer.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`);
        return rows[0].n as number;
      }));
      return { content: JSON.stringify({ intent: 'hardware_fault' }), delayMs: 400 };
    };
    try {
      const result = await h.employee().say(`${STRANGE} again`);
      expect(result.summary).toMatchObject({ intent: 'hardware_fault' });
      expect(seen).toHaveLength(1);
      expect(await Promise.all(seen)).toEqual([0]);
    } finally {
      await observer.end();
    }
  });

  it('answers on its own when the model fails', async () => {
    answer = () => ({ status: 500 });
    const result = await h.employee().say(STRANGE);
    expect(result.summary.intent).not.toBe('hardware_fault');
    expect(result.replies.length).toBeGreaterThan(0);
  });

  it('drafts an answer to an IT question with no intent from the matching articles, citing them', async () => {
    let sources = '';
    answer = (body) => {
      if (schemaOf(body) === 'intent_choice') return { content: JSON.stringify({ intent: 'none_of_these' }) };
      sources = body.messages[0]!.content;
      const slug = /\[([a-z0-9-]+)\]/.exec(sources)![1]!;
      return { content: JSON.stringify({ answerable: true, answer: 'Drafted from the knowledge base.', citations: [slug] }) };
    };
    const result = await h.employee().say('which pdf viewer do you recommend?');
    expect(result.summary.kind).toBe('question');
    expect(replyText(result)).toContain('Drafted from the knowledge base.');
    const cited = result.replies.flatMap((r) => r.articles ?? []);
    expect(cited).toHaveLength(1);
    expect(sources).toContain(`[${cited[0]!.slug}]`);
  });

  it('holds no database transaction open while the model drafts an answer, and still answers with the draft and its citations', async () => {
    const observer = new pg.Client({ connectionString: h.db.url });
    await observer.connect();
    const seen: Array<Promise<number>> = [];
    let drafted = '';
    answer = (body) => {
      if (schemaOf(body) === 'intent_choice') return { content: JSON.stringify({ intent: 'none_of_these' }) };
      drafted = body.messages[1]!.content;
      const slug = /\[([a-z0-9-]+)\]/.exec(body.messages[0]!.content)![1]!;
      // Looked at while the model is "thinking" (the answer is delayed): a turn transaction would show as idle in transaction.
      seen.push(new Promise((resolve) => setTimeout(resolve, 150)).then(async () => {
        const { rows } = await observer.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`);
        return rows[0].n as number;
      }));
      return { content: JSON.stringify({ answerable: true, answer: 'Open it with the company PDF viewer.', citations: [slug] }), delayMs: 400 };
    };
    try {
      const result = await h.employee().say('which pdf viewer do you recommend for contracts? sk-abcdefghijklmnopqrstuvwxyz012345');
      expect(seen).toHaveLength(1);
      expect(await Promise.all(seen)).toEqual([0]);
      expect(result.summary.kind).toBe('question');
      expect(replyText(result)).toContain('Open it with the company PDF viewer.');
      expect(result.replies.flatMap((r) => r.articles ?? [])).toHaveLength(1);
      // The question was redacted before it left the process.
      expect(drafted).not.toContain('sk-abcdefghijklmnopqrstuvwxyz012345');
      expect(drafted).toContain('pdf viewer');
    } finally {
      await observer.end();
    }
  });
});
