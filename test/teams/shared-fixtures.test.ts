import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'vitest';
import { fixtureSuite } from './helpers/fixture-suite.js';

// Acceptance: the recorded Teams activities in ../shared/fixtures/teams, outside the repository; skipped without it.
const dir = path.resolve(import.meta.dirname, '../../../shared/fixtures/teams');
if (existsSync(dir)) fixtureSuite('shared Teams fixtures through the real pipeline', dir);
else describe.skip('shared Teams fixtures (../shared/fixtures/teams not present)', () => test('every recorded activity meets its expect', () => undefined));
