/** A Direct Line conversation driven over plain HTTP with one token, as a client (or an attacker) would. */
export interface Chat {
  conversationId: string;
  token: string;
  /** Post a message (optionally claiming a `from`) and return the HTTP status and the bot's replies to it. */
  say(text: string, options?: { from?: { id: string; name?: string }; value?: unknown }): Promise<{ status: number; replies: Reply[] }>;
}

/** What a test reads off a bot reply activity. */
export interface Reply {
  text?: string;
  ticket?: string;
  cards: string[];
}

/** Wrap a token from any route (`tokens/generate`, `/api/web/token`, …). */
export function chat(baseUrl: string, grant: { conversationId: string; token: string }): Chat {
  const activities = `${baseUrl}/v3/directline/conversations/${encodeURIComponent(grant.conversationId)}/activities`;
  const auth = { authorization: `Bearer ${grant.token}` };
  return {
    ...grant,
    async say(text, options = {}) {
      const res = await fetch(activities, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'message', text, ...(options.from ? { from: options.from } : {}), ...(options.value ? { value: options.value } : {}) }),
      });
      if (res.status !== 200) return { status: res.status, replies: [] };
      const { id } = await res.json() as { id: string };
      const page = await (await fetch(activities, { headers: auth })).json() as { activities: Array<Record<string, any>> };
      const replies = page.activities.filter((a) => a.replyToId === id).map((a) => ({
        text: a.text as string | undefined,
        ticket: a.channelData?.deskbot?.ticket as string | undefined,
        cards: (a.attachments ?? []).map((c: Record<string, any>) => String(c.content?.body?.[0]?.text ?? '')),
      }));
      return { status: 200, replies };
    },
  };
}

/** Every reply text and card title, joined, for assertions. */
export function said(result: { replies: Reply[] }): string {
  return result.replies.flatMap((r) => [r.text ?? '', ...r.cards]).join('\n');
}

/** POST JSON and return status and parsed body. */
export async function postJson(url: string, body?: unknown, token?: string): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : {} };
}
