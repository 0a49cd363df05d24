import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A recorded or written Slack request with what a correct bot must do (`expect`), as in the fixture packs. */
export interface SlackFixture {
  name: string;
  description: string;
  content_type: string;
  headers?: Record<string, string>;
  /** The exact body, or (deskbot's own fixtures) an object serialized per `content_type`. */
  body: string | Record<string, unknown>;
  expect: Record<string, any>;
}

/** The `*.json` fixtures of a folder, by file name. */
export function loadSlackFixtures(dir: string): SlackFixture[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((file) => ({
    ...(JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Omit<SlackFixture, 'name'>),
    name: file.replace(/\.json$/, ''),
  }));
}

/** The bytes to POST: a string body as is; an object as JSON, as `payload=<JSON>`, or as form fields. */
export function fixtureBody(f: SlackFixture): string {
  if (typeof f.body === 'string') return f.body;
  if (f.content_type === 'application/json') return JSON.stringify(f.body);
  if ('payload' in f.body) return `payload=${encodeURIComponent(JSON.stringify(f.body.payload))}`;
  return new URLSearchParams(f.body as Record<string, string>).toString();
}

/** The parsed body (for reading the event's ts and channel in checks). */
export function fixtureJson(f: SlackFixture): any {
  const raw = fixtureBody(f);
  if (f.content_type === 'application/json') return JSON.parse(raw);
  const form = new URLSearchParams(raw);
  return form.has('payload') ? JSON.parse(form.get('payload')!) : Object.fromEntries(form);
}
