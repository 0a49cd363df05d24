import { readdir, readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { consoleFileHeaders, consolePageCsp } from '../../http/console-session/page-headers.js';

const publicDir = new URL('../public/', import.meta.url);

const types: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/**
 * The admin page: `GET /admin` (HTML) and its ES modules and stylesheet at `/admin/static/<file>`, read once from
 * `src/admin/public/`. No sign-in is needed for the files; everything they show comes from the authenticated API.
 * @throws the file system's error when the folder cannot be read
 */
export async function registerAdminPageRoutes(app: FastifyInstance): Promise<void> {
  const files = new Map<string, { type: string; content: string }>();
  for (const name of await readdir(publicDir)) {
    const ext = name.slice(name.lastIndexOf('.'));
    if (types[ext]) files.set(name, { type: types[ext]!, content: await readFile(new URL(name, publicDir), 'utf8') });
  }
  const html = await readFile(new URL('admin.html', publicDir), 'utf8');
  app.get('/admin', async (_req, reply) =>
    reply.type('text/html; charset=utf-8').headers({ ...consoleFileHeaders, 'content-security-policy': consolePageCsp, 'cache-control': 'no-cache' }).send(html));
  app.get('/admin/static/:file', async (req, reply) => {
    const file = files.get((req.params as { file: string }).file);
    if (!file) return reply.status(404).send({ error: { code: 'not_found', message: 'No such file.' } });
    return reply.type(file.type).headers({ ...consoleFileHeaders, 'cache-control': 'no-cache' }).send(file.content);
  });
}
