import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { loadSeedIntents } from '../../src/classification/load-seed-intents.js';
import { loadRequestForms } from '../../src/conversation/request-forms.js';

const dir = mkdtempSync(path.join(tmpdir(), 'deskbot-json-'));
const notJson = path.join(dir, 'broken.json');
writeFileSync(notJson, '{ "intents": [');
const missing = path.join(dir, 'missing.json');

test('a seed file that is missing or not JSON is a config_invalid error naming the file and what it is', () => {
  for (const file of [notJson, missing]) {
    expect(() => loadSeedIntents(file)).toThrow(expect.objectContaining({ code: 'config_invalid', message: `cannot read seed intents at ${file}` }));
    expect(() => loadRequestForms(file)).toThrow(expect.objectContaining({ code: 'config_invalid', message: `cannot read request forms at ${file}` }));
  }
});
