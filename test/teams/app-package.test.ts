import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const appId = '0a1b2c3d-1111-4222-8333-444455556666';

test('npm run teams:package zips the manifest with the app id filled in and both icons at their sizes', async () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'teams-package-')), 'app.zip');
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/teams-package.ts', '--app-id', appId, '--website-url', 'https://desk.example.org', '--out', out], { cwd: root });
  const files = unzipSync(readFileSync(out));
  expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8'));
  expect(manifest).toMatchObject({ id: appId, bots: [{ botId: appId, scopes: ['personal', 'team', 'groupChat'] }], developer: { websiteUrl: 'https://desk.example.org' } });
  expect(JSON.stringify(manifest)).not.toContain('{{');
  const size = (png: Uint8Array) => [Buffer.from(png).readUInt32BE(16), Buffer.from(png).readUInt32BE(20)];
  expect(size(files['color.png']!)).toEqual([192, 192]);
  expect(size(files['outline.png']!)).toEqual([32, 32]);
});

test('teams:package refuses to build without a valid app id', async () => {
  const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/teams-package.ts', '--app-id', 'not-a-guid'], { cwd: root });
  await expect(run).rejects.toMatchObject({ code: 1 });
});
