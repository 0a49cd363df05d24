import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleDoc } from './types.js';

/**
 * Read every `*.md` file of a folder as a knowledge article. Optional front matter between `---` lines gives
 * `title`, `tags` and `intents` (`key: value` or `key: [a, b]`); without a title the first `# ` heading is used,
 * then the file name. The slug is the file name without `.md`. Files are returned in name order.
 * @throws the file system's error when the folder cannot be read
 */
export async function readArticlesFromDir(dir: string): Promise<Omit<ArticleDoc, 'id'>[]> {
  const names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.md')).sort();
  const articles: Omit<ArticleDoc, 'id'>[] = [];
  for (const name of names) {
    articles.push(parseArticle(name.slice(0, -3), await readFile(path.join(dir, name), 'utf8')));
  }
  return articles;
}

/** Parse one Markdown article; see {@link readArticlesFromDir}. */
export function parseArticle(slug: string, source: string): Omit<ArticleDoc, 'id'> {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  const meta = match ? parseFrontMatter(match[1]!) : {};
  const body = (match ? text.slice(match[0].length) : text).trim();
  const heading = /^#\s+(.+)$/m.exec(body)?.[1]?.trim();
  return {
    slug,
    title: scalar(meta.title) || heading || slug.replace(/-/g, ' '),
    body,
    tags: list(meta.tags),
    intents: list(meta.intents),
  };
}

function parseFrontMatter(block: string): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const line of block.split('\n')) {
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (m) meta[m[1]!.toLowerCase()] = m[2]!.trim();
  }
  return meta;
}

function scalar(value: string | undefined): string {
  return (value ?? '').replace(/^["']|["']$/g, '').trim();
}

function list(value: string | undefined): string[] {
  if (!value) return [];
  return value.replace(/^\[|\]$/g, '').split(',').map(scalar).filter(Boolean);
}
