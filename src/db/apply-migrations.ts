import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { DeskbotError } from '../core/errors.js';
import { redactSecrets } from '../redaction/redact.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Apply pending migrations from `prisma/migrations` with `prisma migrate deploy` (Prisma's JS schema engine through
 * prisma.config.ts, nothing downloaded). Runs the CLI as an asynchronous child process, because a synchronous one
 * would deadlock against the in-process embedded PostgreSQL server.
 * @param databaseUrl `postgresql://` URL of the target database (real PostgreSQL or the embedded server)
 * @param options.timeoutMs kill the CLI after this long (default 120 s)
 * @throws DeskbotError `internal` with the CLI's output when it fails or times out; `dependency_missing` without the CLI
 */
export async function applyMigrations(databaseUrl: string, logger: Logger, options: { timeoutMs?: number } = {}): Promise<void> {
  const cli = path.join(projectRoot, 'node_modules', 'prisma', 'build', 'index.js');
  if (!existsSync(cli)) throw new DeskbotError('dependency_missing', `Prisma CLI not found at ${cli}: run npm install`);
  const started = Date.now();
  const { code, output: raw } = await run(process.execPath, [cli, 'migrate', 'deploy'], childEnv(databaseUrl), options.timeoutMs ?? 120_000);
  const output = redactSecrets(raw).text; // the CLI may echo the URL, password included
  if (code !== 0) {
    throw new DeskbotError('internal', `prisma migrate deploy failed (${code === null ? 'timed out' : `exit ${code}`}):\n${output.trim()}`);
  }
  const summary = output.split('\n').filter((line) => /migration|applied|No pending/i.test(line)).join(' ').trim();
  logger.info({ ms: Date.now() - started, summary }, 'database migrations applied');
}

// The CLI needs the parent's environment (PATH, HOME) plus the target URL; prisma.config.ts reads DATABASE_URL.
// This passes the environment through; no configuration is read from it here.
function childEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new DeskbotError('internal', `could not run the Prisma CLI: ${err.message}`, { cause: err }));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
