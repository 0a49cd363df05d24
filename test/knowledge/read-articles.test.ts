import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArticlesFromDir } from '../../src/knowledge/read-articles.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'deskbot-kb-'));
  await writeFile(
    path.join(dir, 'b-front-matter.md'),
    '---\ntitle: "Reset your password"\ntags: [password, sign-in]\nintents:\n  - password_reset\n  - account_locked\n---\n# Ignored heading\n\n1. Open the portal.\n',
  );
  await writeFile(path.join(dir, 'a-heading-only.md'), '# Connect to the VPN\n\nOpen the **VPN** client.\n');
  await writeFile(path.join(dir, 'c-no-title.md'), 'Just text.\n');
  await writeFile(path.join(dir, 'notes.txt'), 'not an article');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readArticlesFromDir', () => {
  it('reads only Markdown files, in file-name order, with slugs from the file names', async () => {
    const articles = await readArticlesFromDir(dir);
    expect(articles.map((a) => a.slug)).toEqual(['a-heading-only', 'b-front-matter', 'c-no-title']);
  });

  it('takes title, tags and intents from front matter (inline and dash lists)', async () => {
    const article = (await readArticlesFromDir(dir)).find((a) => a.slug === 'b-front-matter')!;
    expect(article.title).toBe('Reset your password');
    expect(article.tags).toEqual(['password', 'sign-in']);
    expect(article.intents).toEqual(['password_reset', 'account_locked']);
    expect(article.body).toBe('1. Open the portal.');
  });

  it('falls back to the first heading, then to the slug in words', async () => {
    const articles = await readArticlesFromDir(dir);
    const heading = articles.find((a) => a.slug === 'a-heading-only')!;
    expect(heading).toMatchObject({ title: 'Connect to the VPN', tags: [], intents: [], body: 'Open the **VPN** client.' });
    expect(articles.find((a) => a.slug === 'c-no-title')!.title).toBe('C no title');
  });

  it('throws when the folder does not exist', async () => {
    await expect(readArticlesFromDir(path.join(dir, 'missing'))).rejects.toThrow(/ENOENT/);
  });
});
