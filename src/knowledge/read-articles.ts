import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFrontMatter, type FrontMatter } from './parse-front-matter.js';
import type { ArticleDoc } from './types.js';

/**
 * Read every `*.md` file of `dir` (not recursive), in file-name order, as an article: slug = file name without `.md`;
 * title, tags and intents from the front matter; without a front-matter title, the first `# ` heading; without either,
 * the slug in words. A leading `# ` heading is dropped from the body, which holds the Markdown after the front matter.
 * @throws the file-system error when `dir` or a file cannot be read
 */
export async function readArticlesFromDir(dir: string): Promise<Omit<ArticleDoc, 'id'>[]> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.md'))
    .map((entry) => entry.name)
    .sort();
  const articles: Omit<ArticleDoc, 'id'>[] = [];
  for (const name of names) {
    const text = await readFile(path.join(dir, name), 'utf8');
    articles.push(toArticle(name.slice(0, -3), text));
  }
  return articles;
}

function toArticle(slug: string, text: string): Omit<ArticleDoc, 'id'> {
  const { data, body } = parseFrontMatter(text);
  const heading = /^\s*#\s+(.+?)\s*#*\s*(?:\n|$)/.exec(body);
  const title = asString(data.title) || heading?.[1] || slug.replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
  return {
    slug,
    title,
    body: (heading ? body.slice(heading[0].length) : body).trim(),
    tags: asList(data.tags),
    intents: asList(data.intents),
  };
}

function asString(value: FrontMatter[string] | undefined): string {
  return typeof value === 'string' ? value : '';
}

function asList(value: FrontMatter[string] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : value.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}
