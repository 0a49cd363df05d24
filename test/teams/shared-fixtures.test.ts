import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { createPipelineHarness, type PipelineHarness } from '../support/pipeline-harness.js';
import { runFixture, type TeamsFixture } from './helpers/check-fixture.js';
import { startTeamsHarness, type TeamsHarness } from './helpers/teams-harness.js';

// Acceptance: the recorded Teams activities in ../shared/fixtures/teams (outside the repository; skipped without it).
const dir = path.resolve(import.meta.dirname, '../../../shared/fixtures/teams');
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];

describe.skipIf(files.length === 0)('shared Teams fixtures through the real pipeline', () => {
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
    const fixture = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as TeamsFixture;
    await runFixture(h, fixture);
  });
});
