import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runFixture, type TeamsFixture } from './check-fixture.js';
import { startTeamsOnPipeline, type TeamsHarness } from './teams-harness.js';

/**
 * A suite that posts every fixture of `dir` (sorted by name) through the Teams channel on the real pipeline and
 * checks its `expect`; then posts each one again and checks that nothing is posted a second time.
 */
export function fixtureSuite(title: string, dir: string): void {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const load = (file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as TeamsFixture;
  describe(title, () => {
    let h: TeamsHarness;
    let close: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      ({ teams: h, close } = await startTeamsOnPipeline());
    }, 120_000);
    afterAll(async () => {
      await close?.();
    });

    test.each(files)('%s meets its expect', async (file) => {
      await runFixture(h, load(file));
    });

    test('every activity resent with the same id is answered once', async () => {
      for (const file of files) {
        const before = h.stub.activityCalls().length;
        expect((await h.post(load(file).activity)).status, file).toBe(200);
        const posted = h.stub.activityCalls().slice(before).filter((c) => c.method === 'POST');
        expect(posted, `${file}: nothing posted again`).toEqual([]);
      }
    });
  });
}
