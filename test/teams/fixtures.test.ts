import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPipelineHarness, type PipelineHarness } from '../support/pipeline-harness.js';
import { runFixture, type TeamsFixture } from './helpers/check-fixture.js';
import { startTeamsHarness, type TeamsHarness } from './helpers/teams-harness.js';

// deskbot's own Teams activities (test/fixtures/teams), one of every kind the channel handles, through the real pipeline.
const dir = path.resolve(import.meta.dirname, '../fixtures/teams');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

let pipeline: PipelineHarness;
let h: TeamsHarness;
beforeAll(async () => {
  pipeline = await createPipelineHarness();
  h = await startTeamsHarness({ turns: { handle: (m) => pipeline.handle(m) } });
}, 120_000);
afterAll(async () => {
  await h?.close();
  await pipeline?.close();
});

test.each(files)('%s meets its expect', async (file) => {
  await runFixture(h, JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as TeamsFixture);
});

test('every fixture resent with the same activity id is answered once', async () => {
  for (const file of files) {
    const fixture = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as TeamsFixture;
    const before = { inbound: h.inbound.length, calls: h.stub.activityCalls().length };
    const res = await h.post(fixture.activity);
    expect(res.status, file).toBe(200);
    const posted = h.stub.activityCalls().slice(before.calls).filter((c) => c.method === 'POST');
    expect(posted, `${file}: nothing posted again`).toEqual([]);
  }
});
