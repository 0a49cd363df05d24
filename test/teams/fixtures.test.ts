import path from 'node:path';
import { fixtureSuite } from './helpers/fixture-suite.js';

// deskbot's own Teams activities (test/fixtures/teams), one of every kind the channel handles, through the real pipeline.
fixtureSuite('Teams fixtures through the real pipeline', path.resolve(import.meta.dirname, '../fixtures/teams'));
