import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the stand-in received: a Web API method (`chat.postMessage`), or `response_url` for a hooks URL. */
export interface RecordedCall {
  method: string;
  /** Form fields (JSON-looking values parsed) or the JSON body. */
  body: Record<string, any>;
  contentType: string;
  authorization?: string;
  status: number;
  /** What the stand-in answered. */
  response?: Record<string, any>;
}

export interface SlackUser {
  name: string;
  email?: string;
}

/** The bot the stand-in's `auth.test` reports. */
export interface BotIdentity {
  userId: string;
  botId: string;
  team: string;
}

/**
 * A local stand-in for the Slack Web API (`POST /api/<method>`) and for `response_url` hooks (`POST /hooks/...`),
 * speaking Slack's wire format — form-encoded or JSON requests, `{ ok, ... }` answers, 429 with `Retry-After` — and
 * recording every call.
 */
export interface SlackApiStub {
  /** `http://127.0.0.1:<port>/api/`, for SLACK_API_URL. */
  apiUrl: string;
  calls: RecordedCall[];
  /** Calls of one method. */
  of(method: string): RecordedCall[];
  /** Answer the next `times` calls of `method` with 429 and `Retry-After: seconds`. */
  rateLimit(method: string, seconds: number, times?: number): void;
  /** Answer every `users.info` with `missing_scope`, as Slack does for an app without `users:read`. */
  withoutUserScope(): void;
  /** Call `listener` with every call as it arrives, and the time (`performance.now()`) it arrived. */
  subscribe(listener: (call: RecordedCall, at: number) => void): void;
  /** Answer `method` with `answer(body)` from now on. */
  answer(method: string, answer: (body: Record<string, any>) => Record<string, unknown>): void;
  /** Wait until `check` holds for the recorded calls (polling); throws after `timeoutMs`. */
  waitFor<T>(check: (calls: RecordedCall[]) => T | undefined | false, timeoutMs?: number, what?: string): Promise<T>;
  /** A fetch that sends `https://hooks.slack.com/...` here and everything else on its way. */
  fetch: typeof fetch;
  close(): Promise<void>;
}

/** Start the stand-in. `users` answers `users.info` (unknown users get a name only). */
export async function startSlackApiStub(bot: BotIdentity, users: Record<string, SlackUser> = {}): Promise<SlackApiStub> {
  const calls: RecordedCall[] = [];
  const limits = new Map<string, { seconds: number; times: number }>();
  let noUserScope = false;
  const listeners: Array<(call: RecordedCall, at: number) => void> = [];
  let seq = 0;
  const nextTs = () => `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, '0')}`;

  const answers: Record<string, (body: Record<string, any>) => Record<string, unknown>> = {
    'auth.test': () => ({ ok: true, url: 'https://example.slack.com/', team: 'Example', user: 'deskbot', team_id: bot.team, user_id: bot.userId, bot_id: bot.botId }),
    'chat.postMessage': (b) => ({ ok: true, channel: b.channel, ts: nextTs(), message: { text: b.text, user: bot.userId, bot_id: bot.botId } }),
    'chat.update': (b) => ({ ok: true, channel: b.channel, ts: b.ts, text: b.text }),
    'chat.postEphemeral': () => ({ ok: true, message_ts: nextTs() }),
    'views.open': () => ({ ok: true, view: { id: `V${++seq}` } }),
    'views.publish': () => ({ ok: true, view: { id: `V${++seq}` } }),
    'conversations.open': (b) => ({ ok: true, channel: { id: `D${String(b.users).slice(1)}` } }),
    'users.info': (b) => (noUserScope ? { ok: false, error: 'missing_scope', needed: 'users:read' } : {
      ok: true, user: { id: b.user, name: String(b.user).toLowerCase(), real_name: users[b.user]?.name ?? `User ${b.user}`, profile: { ...(users[b.user]?.email ? { email: users[b.user]!.email } : {}) } },
    }),
  };

  const server: Server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const contentType = String(req.headers['content-type'] ?? '');
      const body = parseBody(raw, contentType);
      const path = (req.url ?? '').split('?')[0]!;
      const method = path.startsWith('/hooks/') ? 'response_url' : path.replace(/^\/api\//, '');
      const limit = limits.get(method);
      if (limit && limit.times > 0) {
        limit.times -= 1;
        calls.push({ method, body, contentType, authorization: req.headers.authorization, status: 429 });
        res.writeHead(429, { 'retry-after': String(limit.seconds), 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
        return;
      }
      const answer = method === 'response_url' ? { ok: true } : answers[method]?.(body) ?? { ok: false, error: 'unknown_method' };
      const call = { method, body, contentType, authorization: req.headers.authorization, status: 200, response: answer };
      calls.push(call);
      for (const listener of listeners) listener(call, performance.now());
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    calls,
    of: (method) => calls.filter((c) => c.method === method && c.status === 200),
    rateLimit: (method, seconds, times = 1) => limits.set(method, { seconds, times }),
    withoutUserScope: () => { noUserScope = true; },
    subscribe: (listener) => { listeners.push(listener); },
    answer: (method, answer) => { answers[method] = answer; },
    async waitFor(check, timeoutMs = 10_000, what = 'Slack API calls') {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = check(calls);
        if (value) return value;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; calls: ${calls.map((c) => c.method).join(', ')}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    fetch: ((input: string | URL | Request, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      return fetch(url.replace('https://hooks.slack.com/', `${base}/hooks/`), init);
    }) as typeof fetch,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function parseBody(raw: string, contentType: string): Record<string, any> {
  if (contentType.includes('application/json')) return JSON.parse(raw || '{}') as Record<string, any>;
  const fields: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    fields[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return fields;
}
