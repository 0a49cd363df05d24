import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { startDirectLine } from './direct-line-client.js';

/** One replayed message's outcome, written as a JSON line. */
export interface ReplayLine {
  text: string;
  reply: string | null;
  kind: string | null;
  ticket: string | null;
  articles: string[];
  error: string | null;
}

/**
 * `deskbot replay FILE [--url URL]`: send every `{"text"}` line of FILE through the running bot's web channel, each as
 * a separate employee in a conversation of its own; write one JSON line per message to stdout and a summary
 * (kinds, tickets opened, articles offered, errors) to stderr. Lines keep the file's order.
 */
export async function replayCommand(options: { file: string; url: string; secret?: string; concurrency: number }): Promise<void> {
  const texts: Array<{ text: string } | { error: string; raw: string }> = [];
  for await (const raw of createInterface({ input: createReadStream(options.file), crlfDelay: Infinity })) {
    if (!raw.trim()) continue;
    try {
      const parsed = JSON.parse(raw) as { text?: unknown };
      texts.push(typeof parsed.text === 'string' ? { text: parsed.text } : { error: 'line has no "text" string', raw });
    } catch {
      texts.push({ error: 'line is not JSON', raw });
    }
  }
  const results: ReplayLine[] = new Array(texts.length);
  let next = 0;
  const worker = async () => {
    while (next < texts.length) {
      const i = next++;
      const item = texts[i]!;
      results[i] = 'error' in item
        ? { text: item.raw, reply: null, kind: null, ticket: null, articles: [], error: item.error }
        : await replayOne(options, item.text, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  for (const line of results) process.stdout.write(`${JSON.stringify(line)}\n`);
  process.stderr.write(`${JSON.stringify(summarize(results))}\n`);
}

async function replayOne(options: { url: string; secret?: string }, text: string, index: number): Promise<ReplayLine> {
  try {
    const session = await startDirectLine(options.url, options.secret);
    const activities = await session.say(text, `replay-${index}`);
    const summary = activities.map((a) => (a.channelData as { deskbot?: Record<string, unknown> } | undefined)?.deskbot).find(Boolean) ?? {};
    return {
      text,
      reply: activities.map((a) => a.text).filter(Boolean).join('\n') || null,
      kind: (summary.kind as string) ?? null,
      ticket: (summary.ticket as string) ?? null,
      articles: (summary.articles as string[]) ?? [],
      error: activities.length ? null : 'no reply',
    };
  } catch (err) {
    return { text, reply: null, kind: null, ticket: null, articles: [], error: err instanceof Error ? err.message : String(err) };
  }
}

/** Counts for the stderr summary. */
export function summarize(lines: ReplayLine[]) {
  const kinds: Record<string, number> = {};
  for (const l of lines) kinds[l.kind ?? 'none'] = (kinds[l.kind ?? 'none'] ?? 0) + 1;
  return {
    messages: lines.length,
    kinds,
    ticketsOpened: lines.filter((l) => l.ticket).length,
    articlesOffered: lines.filter((l) => l.articles.length).length,
    errors: lines.filter((l) => l.error).length,
  };
}
