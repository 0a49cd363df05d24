import { createRequire } from 'node:module';
import WebSocket from 'ws';
import { DirectLine, type Activity } from 'botframework-directlinejs';

const require = createRequire(import.meta.url);
// botframework-directlinejs patches operators onto this rxjs 5 Observable; the shim must return the same class.
const { Observable } = require('rxjs/Observable') as { Observable: new (subscribe: (s: Subscriber) => () => void) => unknown };

interface Subscriber {
  next(value: unknown): void;
  error(err: unknown): void;
  complete(): void;
}

interface AjaxRequest {
  url: string;
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  timeout?: number;
}

/**
 * rxjs 5's `Observable.ajax`, on fetch: botframework-directlinejs needs XMLHttpRequest, which Node lacks. Resolves to
 * `{ status, response, xhr }` and fails with an error carrying `status`, as rxjs's AjaxError does.
 */
export function fetchAjax(req: AjaxRequest): unknown {
  return new Observable((subscriber) => {
    const controller = new AbortController();
    const timer = req.timeout ? setTimeout(() => controller.abort(), req.timeout) : undefined;
    const body = req.body === undefined || typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
    fetch(req.url, { method: req.method ?? 'GET', headers: req.headers, body, signal: controller.signal })
      .then(async (res) => {
        const text = await res.text();
        const response = text ? safeJson(text) : null;
        const xhr = { status: res.status, getResponseHeader: (name: string) => res.headers.get(name) };
        if (res.ok) {
          subscriber.next({ status: res.status, response, xhr, request: req });
          subscriber.complete();
        } else {
          subscriber.error(Object.assign(new Error(`HTTP ${res.status}`), { status: res.status, response, xhr }));
        }
      })
      .catch((err: unknown) => subscriber.error(Object.assign(new Error(String(err)), { status: 0 })))
      .finally(() => clearTimeout(timer));
    return () => controller.abort();
  });
}

function safeJson(text: string): unknown {
  try { return JSON.parse(text); } catch { return text; }
}

/** A DirectLine client for Node: fetch for REST, `ws` for the stream when `webSocket` is true. */
export function nodeDirectLine(options: {
  domain: string;
  token?: string;
  secret?: string;
  webSocket: boolean;
  conversationId?: string;
  watermark?: string;
}): DirectLine {
  // DirectLine decides between WebSocket and polling by looking for a global WebSocket.
  (globalThis as { WebSocket?: unknown }).WebSocket = options.webSocket ? WebSocket : undefined;
  return new DirectLine({ ...options, pollingInterval: 200, ajax: fetchAjax, WebSocket } as never);
}

/** Everything `dl.activity$` delivered, recorded from one subscription for the whole test. */
export interface ActivityRecorder {
  all: Activity[];
  /** Resolves with everything so far once `done(all)` holds; rejects after `ms` listing what arrived. */
  waitFor(done: (all: Activity[]) => boolean, ms?: number): Promise<Activity[]>;
}

/** Subscribe to `dl.activity$` (which starts the connection) and record every activity. */
export function record(dl: DirectLine): ActivityRecorder {
  const all: Activity[] = [];
  const waiters = new Set<() => void>();
  dl.activity$.subscribe({
    next(activity) {
      all.push(activity);
      for (const w of waiters) w();
    },
    // dl.end() at the end of a test ends the stream with "conversation ended".
    error() {},
  });
  return {
    all,
    waitFor(done, ms = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!done(all)) return;
          cleanup();
          resolve([...all]);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out; got ${JSON.stringify(all.map((a) => [a.type, (a as { text?: string }).text]))}`));
        }, ms);
        const cleanup = () => { clearTimeout(timer); waiters.delete(check); };
        waiters.add(check);
        check();
      });
    },
  };
}

/** DirectLine's conversation id and watermark, which its typings keep private. */
export function stateOf(dl: DirectLine): { conversationId: string; watermark: string } {
  return dl as unknown as { conversationId: string; watermark: string };
}

/** Post an activity and resolve to its id (DirectLine returns an Observable). */
export function post(dl: DirectLine, activity: Activity): Promise<string> {
  return new Promise((resolve, reject) => {
    dl.postActivity(activity).subscribe({ next: resolve, error: reject });
  });
}
