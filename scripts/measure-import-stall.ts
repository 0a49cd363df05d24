// Measures how long a big intent import takes on the embedded database (PGlite, in-process) and how long small
// "chat turn" queries wait meanwhile. Not a test: run `npx tsx scripts/measure-import-stall.ts [rows] [intents] [merge|replace] [--postgres]`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { applyMigrations } from '../src/db/apply-migrations.js';
import { createPrisma } from '../src/db/client.js';
import { parseIntentFile } from '../src/admin/formats/parse-intent-file.js';
import { importIntoDraft } from '../src/admin/draft/import-into-draft.js';
import { createTestDatabase } from '../test/support/db.js';

const rows = Number(process.argv[2] ?? 72_000);
const intents = Number(process.argv[3] ?? 300);
const mode = (process.argv[4] === 'replace' ? 'replace' : 'merge') as 'merge' | 'replace';

const words = ['printer', 'vpn', 'laptop', 'password', 'badge', 'monitor', 'wifi', 'email', 'teams', 'coffee', 'account', 'screen', 'keyboard', 'door', 'phone'];
const lines = ['text,intent'];
for (let i = 0; i < rows; i += 1) {
  const text = `my ${words[i % 15]} and the ${words[(i * 7) % 15]} stopped working ticket ${i}`;
  lines.push(`${text},intent_${String(i % intents).padStart(3, '0')}`);
}
const csv = `${lines.join('\n')}\n`;

const setupStarted = performance.now();
const logger = pino({ level: 'silent' });
const dir = await mkdtemp(path.join(tmpdir(), 'deskbot-measure-'));
// `--postgres` measures on the machine's PostgreSQL instead (a throwaway database, a pool of 5 as in tests).
const server = process.argv.includes('--postgres') ? await createTestDatabase() : null;
const pg = server ? null : await startEmbeddedPostgres(dir, logger);
if (pg) await applyMigrations(pg.url, logger);
const prisma = server ? server.prisma : createPrisma(pg!.url, 1);
await prisma.intent.count();
console.log(`setup ${Math.round(performance.now() - setupStarted)} ms`);

// The probe stands in for a chat turn: a small query every 20 ms; its latency is how long an employee would wait.
const waits: number[] = [];
let lagMax = 0;
let running = true;
const probe = (async () => {
  while (running && !process.env.NO_PROBE) {
    const t = performance.now();
    await prisma.intent.findFirst({ where: { name: 'intent_000' }, select: { id: true } });
    waits.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
})();
let last = performance.now();
const lag = setInterval(() => { const now = performance.now(); lagMax = Math.max(lagMax, now - last - 10); last = now; }, 10);

const started = performance.now();
const catalogue = parseIntentFile(csv, 'csv');
const parsed = performance.now();
// The lag timer can only fire once the synchronous parse is over.
await new Promise((r) => setTimeout(r, 30));
const parseLag = lagMax;
const importFrom = performance.now();
lagMax = 0;
const summary = await importIntoDraft(prisma, catalogue, { mode, defaultKind: 'question' });
const done = performance.now();
running = false;
await probe;
clearInterval(lag);
const sorted = [...waits].sort((a, b) => a - b);
const pct = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(0) : '-');
console.log(JSON.stringify({
  bytes: Buffer.byteLength(csv), rows, intents, mode,
  parseMs: Math.round(parsed - started), importMs: Math.round(done - importFrom),
  examplesAdded: summary.examplesAdded, probes: waits.length, probeP50Ms: pct(0.5), probeP99Ms: pct(0.99), probeMaxMs: pct(1),
  parseLagMaxMs: Math.round(parseLag), importLagMaxMs: Math.round(lagMax),
}));
await prisma.$disconnect();
await pg?.stop();
await server?.drop();
await rm(dir, { recursive: true, force: true });
