import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { DeskbotError } from '../../src/core/index.js';

const publicDir = new URL('./public/', import.meta.url);

/** Scripts only from this origin; Web Chat styles itself inline and its stream is a WebSocket to this origin. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'self'",
  "form-action 'self'",
].join('; ');

/**
 * The stock chat page: `GET /` (HTML), `/webchat/chat.js`, `/webchat/chat.css`, and `/webchat/webchat.js`, the
 * botframework-webchat bundle served from node_modules (no CDN).
 * @throws DeskbotError `dependency_missing` when botframework-webchat's bundle is not installed
 */
export async function registerChatPageRoutes(app: FastifyInstance): Promise<void> {
  const bundle = webChatBundlePath();
  const [html, script, css] = await Promise.all(
    ['index.html', 'chat.js', 'chat.css'].map((f) => readFile(new URL(f, publicDir), 'utf8')),
  );
  app.get('/', async (_req, reply) =>
    reply.type('text/html; charset=utf-8').header('content-security-policy', CSP).header('x-content-type-options', 'nosniff').send(html));
  app.get('/webchat/chat.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').send(script));
  app.get('/webchat/chat.css', async (_req, reply) => reply.type('text/css; charset=utf-8').send(css));
  app.get('/webchat/webchat.js', async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=86400').send(createReadStream(bundle)));
}

/** botframework-webchat exports only its entry point, so find the dist bundle next to it. */
function webChatBundlePath(): string {
  try {
    const entry = createRequire(import.meta.url).resolve('botframework-webchat');
    const bundle = path.resolve(path.dirname(entry), '../dist/webchat.js');
    if (existsSync(bundle)) return bundle;
  } catch {
    // fall through to the coded error below
  }
  throw new DeskbotError('dependency_missing', 'botframework-webchat is not installed (need dist/webchat.js); run npm install.');
}
