/** A minimal Direct Line 3.0 client over fetch, for the replay tool and benchmarks (Web Chat uses Microsoft's own). */
export interface DirectLineSession {
  conversationId: string;
  /** Post a message and return the bot's reply activities to it (Direct Line answers a POST once the bot has replied). */
  say(text: string, userId: string): Promise<Array<Record<string, unknown>>>;
}

/**
 * Start a Direct Line conversation at `baseUrl` (the bot's origin). With a secret, it authenticates as a host
 * backend would; without one, it relies on the open guest mode of a local deskbot.
 * @throws Error with the HTTP status and body when the bot refuses
 */
export async function startDirectLine(baseUrl: string, secret?: string): Promise<DirectLineSession> {
  const root = `${baseUrl.replace(/\/$/, '')}/v3/directline`;
  const started = await call(`${root}/conversations`, { method: 'POST', headers: secret ? { authorization: `Bearer ${secret}` } : {} });
  const { conversationId, token } = started as { conversationId: string; token: string };
  const auth = { authorization: `Bearer ${token}` };
  let watermark: string | undefined;
  return {
    conversationId,
    async say(text, userId) {
      const posted = (await call(`${root}/conversations/${encodeURIComponent(conversationId)}/activities`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', from: { id: userId }, text }),
      })) as { id: string };
      const query = watermark ? `?watermark=${encodeURIComponent(watermark)}` : '';
      const page = (await call(`${root}/conversations/${encodeURIComponent(conversationId)}/activities${query}`, { headers: auth })) as {
        activities: Array<Record<string, unknown>>; watermark: string;
      };
      watermark = page.watermark;
      return page.activities.filter((a) => a.replyToId === posted.id);
    },
  };
}

async function call(url: string, init: RequestInit): Promise<unknown> {
  const res = await fetch(url, init);
  const body = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url} → ${res.status} ${body.slice(0, 300)}`);
  return body ? JSON.parse(body) : {};
}
