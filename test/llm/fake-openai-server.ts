import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The parts of a chat-completions request the tests look at. */
export interface FakeRequest {
  messages: Array<{ role: string; content: string }>;
  response_format?: { json_schema?: { name?: string } };
}

/** What the fake server answers to the next chat completion. */
export interface FakeReply {
  /** The assistant message content (JSON text for structured output). */
  content?: string;
  status?: number;
  delayMs?: number;
}

/**
 * A local server speaking the OpenAI chat-completions wire format (`POST /v1/chat/completions`), recording each
 * request body. `reply` decides every answer.
 */
export async function startFakeOpenAi(reply: (body: FakeRequest) => FakeReply): Promise<{ baseURL: string; requests: Array<Record<string, unknown>>; close(): Promise<void> }> {
  const requests: Array<Record<string, unknown>> = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404).end();
        return;
      }
      const body = JSON.parse(raw);
      requests.push(body);
      const answer = reply(body);
      setTimeout(() => {
        if (res.destroyed) return;
        if (answer.status && answer.status !== 200) {
          res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'failure', type: 'server_error' } }));
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
          id: `chatcmpl-${requests.length}`, object: 'chat.completion', created: 1_700_000_000, model: body.model,
          choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: answer.content ?? '{}', refusal: null } }],
          usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
        }));
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
