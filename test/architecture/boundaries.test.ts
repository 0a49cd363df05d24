import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.parentPath.includes('generated'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

/** Every relative import of a file, resolved to a path from the repository root. */
async function importsOf(file: string): Promise<string[]> {
  const text = await readFile(path.join(root, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => path.relative(root, path.resolve(path.dirname(path.join(root, file)), m[1]!)));
}

test('the core never imports an adapter: only the composition root (src/app) wires them', async () => {
  const offenders: string[] = [];
  for (const file of await sources('src')) {
    if (file.startsWith('src/app/')) continue;
    for (const target of await importsOf(file)) if (target.startsWith('adapters/')) offenders.push(`${file} → ${target}`);
  }
  expect(offenders).toEqual([]);
});

test('adapters import only the core\'s public surface (src/core/index) and nothing of each other', async () => {
  const offenders: string[] = [];
  for (const file of await sources('adapters')) {
    const own = file.split('/').slice(0, 2).join('/');
    for (const target of await importsOf(file)) {
      if (target.startsWith('src/') && target !== 'src/core/index.js') offenders.push(`${file} → ${target}`);
      if (target.startsWith('adapters/') && !target.startsWith(`${own}/`)) offenders.push(`${file} → ${target}`);
    }
  }
  expect(offenders).toEqual([]);
});
