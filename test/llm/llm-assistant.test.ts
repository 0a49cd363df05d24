import { afterEach, describe, expect, it } from 'vitest';
import { createCircuitBreaker, createLlmAssistant, createStructuredChat, LLM_CONFIDENCE } from '../../src/llm/index.js';
import { loadSeedIntents } from '../../src/classification/load-seed-intents.js';
import type { Understanding } from '../../src/classification/types.js';
import { startFakeOpenAi, type FakeReply } from './fake-openai-server.js';

const { intents } = loadSeedIntents();
const unsure: Understanding = { kind: 'out_of_scope', intent: null, confidence: 0.2, alternatives: [], ticketNumbers: [] };
const SECRET = 'Tr0ub4dor&3xyz';
let close: (() => Promise<void>) | null = null;

async function assistantWith(reply: (body: { messages: Array<{ content: string }> }) => FakeReply, timeoutMs = 2000) {
  const server = await startFakeOpenAi(reply);
  close = server.close;
  const chat = createStructuredChat({ apiKey: 'sk-test', baseURL: server.baseURL, model: 'test-model', timeoutMs });
  const assistant = createLlmAssistant(chat, createCircuitBreaker({ failureThreshold: 2, cooldownMs: 60_000 }), 0.6);
  return { assistant, requests: server.requests };
}

afterEach(async () => {
  await close?.();
  close = null;
});

describe('LLM assistant: classification of unsure messages', () => {
  it('asks with a JSON schema limited to the intent list, sends no secret, and takes the named intent', async () => {
    const { assistant, requests } = await assistantWith(() => ({ content: JSON.stringify({ intent: 'vpn_problem' }) }));
    const result = await assistant.refine(`forticlient keeps saying tunnel failed, my password is ${SECRET}`, unsure, intents);
    expect(result).toMatchObject({ kind: 'incident', intent: 'vpn_problem', confidence: LLM_CONFIDENCE });
    expect(result.alternatives[0]!.intent).toBe('vpn_problem');
    expect(requests).toHaveLength(1);
    const body = requests[0]! as { model: string; response_format: { type: string; json_schema: { strict: boolean; schema: { properties: { intent: { enum: string[] } } } } } };
    expect(body.model).toBe('test-model');
    expect(body.response_format.type).toBe('json_schema');
    expect(body.response_format.json_schema.strict).toBe(true);
    expect(body.response_format.json_schema.schema.properties.intent.enum.sort()).toEqual([...intents.map((i) => i.name), 'none_of_these'].sort());
    expect(JSON.stringify(body)).not.toContain(SECRET);
  });

  it('does not call the model for confident messages, rules, or when the model names none', async () => {
    const { assistant, requests } = await assistantWith(() => ({ content: JSON.stringify({ intent: 'none_of_these' }) }));
    const confident: Understanding = { ...unsure, kind: 'incident', intent: 'vpn_problem', confidence: 0.9 };
    expect(await assistant.refine('vpn down', confident, intents)).toBe(confident);
    const greeting: Understanding = { ...unsure, kind: 'greeting', intent: 'greeting', confidence: 0.5 };
    expect(await assistant.refine('hello', greeting, intents)).toBe(greeting);
    expect(requests).toHaveLength(0);
    expect(await assistant.refine('what is the meaning of life', unsure, intents)).toBe(unsure);
    expect(requests).toHaveLength(1);
  });

  it('falls back on an answer outside the schema, a server error, a timeout, and stops calling once the circuit opens', async () => {
    const replies: FakeReply[] = [{ content: JSON.stringify({ intent: 'order_pizza' }) }, { status: 500 }, { delayMs: 1500 }];
    const { assistant, requests } = await assistantWith(() => replies.shift() ?? { content: JSON.stringify({ intent: 'vpn_problem' }) }, 300);
    expect(await assistant.refine('a', unsure, intents)).toBe(unsure);
    expect(await assistant.refine('b', unsure, intents)).toBe(unsure);
    // Two failures in a row opened the circuit: no call, the embedded answer stands.
    expect(await assistant.refine('c', unsure, intents)).toBe(unsure);
    expect(requests).toHaveLength(2);
  });
});

describe('LLM assistant: answer drafts', () => {
  const sources = [
    { slug: 'vpn-keeps-disconnecting', title: 'VPN keeps disconnecting', text: 'Update the client, then switch to the wired network.' },
    { slug: 'reset-your-password', title: 'Reset your password', text: 'Use the self-service portal.' },
  ];

  it('returns the answer with citations from the given articles only', async () => {
    const { assistant, requests } = await assistantWith(() => ({
      content: JSON.stringify({ answerable: true, answer: 'Update the VPN client and try the wired network.', citations: ['vpn-keeps-disconnecting'] }),
    }));
    expect(await assistant.draft(`vpn drops, password ${SECRET}`, sources)).toEqual({
      answer: 'Update the VPN client and try the wired network.',
      citations: ['vpn-keeps-disconnecting'],
    });
    const body = JSON.stringify(requests[0]);
    expect(body).toContain('vpn-keeps-disconnecting');
    expect(body).not.toContain(SECRET);
  });

  it('gives null when the articles do not answer, when a citation is made up, and without sources', async () => {
    const replies = [
      { content: JSON.stringify({ answerable: false, answer: '', citations: [] }) },
      { content: JSON.stringify({ answerable: true, answer: 'x', citations: ['made-up-article'] }) },
    ];
    const { assistant } = await assistantWith(() => replies.shift()!);
    expect(await assistant.draft('printer on fire', sources)).toBeNull();
    expect(await assistant.draft('printer on fire', sources)).toBeNull();
    expect(await assistant.draft('printer on fire', [])).toBeNull();
  });
});
