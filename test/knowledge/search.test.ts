import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeIndex } from '../../src/knowledge/create-knowledge-index.js';
import { readArticlesFromDir } from '../../src/knowledge/read-articles.js';
import type { ArticleDoc, KnowledgeIndex } from '../../src/knowledge/types.js';

let articles: ArticleDoc[];
let index: KnowledgeIndex;

beforeAll(async () => {
  const dir = path.resolve(import.meta.dirname, '../../prisma/seed/articles');
  articles = (await readArticlesFromDir(dir)).map((a) => ({ ...a, id: `id-${a.slug}` }));
  index = createKnowledgeIndex(articles);
});

const top = (query: string, options?: { k?: number; intents?: string[] }) => index.search(query, options).map((h) => h.slug);

describe('search over the seed articles', () => {
  it.each([
    ['vpn keeps dropping', 'vpn-keeps-disconnecting'],
    ['forgot my password', 'reset-your-password'],
    ['my account is locked out', 'unlock-your-account'],
    ['the printer is not printing anything', 'printer-not-printing'],
    ['I got a suspicious phishing email', 'report-a-phishing-email'],
    ['laptop won\'t turn on', 'laptop-will-not-start'],
    ['how do I book a meeting room', 'book-a-meeting-room'],
  ])('"%s" puts %s first', (query, slug) => {
    expect(top(query)[0]).toBe(slug);
  });

  it('tolerates typos and compounds through character grams', () => {
    expect(top('pasword resett')[0]).toBe('reset-your-password');
    expect(top('wi-fi')).toContain('connect-to-office-wifi');
  });

  it('returns k hits (default 3), best first, with ids, titles and scores', () => {
    const hits = index.search('email on my phone');
    expect(hits).toHaveLength(3);
    expect(hits[0]!.id).toBe(`id-${hits[0]!.slug}`);
    expect(hits[0]!.title).toBe(articles.find((a) => a.slug === hits[0]!.slug)!.title);
    expect(hits[0]!.score).toBeGreaterThanOrEqual(hits[1]!.score);
    expect(hits[1]!.score).toBeGreaterThanOrEqual(hits[2]!.score);
    expect(index.search('email', { k: 5 })).toHaveLength(5);
    expect(index.size).toBe(articles.length);
  });

  it('boosts articles linked to the given intents', () => {
    const query = 'I need access to something';
    // k covers every matching article: the boost is judged by rank, not by whether it crosses a cut-off.
    const plain = top(query, { k: 50 });
    const boosted = top(query, { k: 50, intents: ['software_install'] });
    const rank = (list: string[]) => (list.includes('install-approved-software') ? list.indexOf('install-approved-software') : 99);
    expect(rank(boosted)).toBeLessThan(rank(plain));
    const linked = articles.filter((a) => a.intents.includes('new_phone')).map((a) => a.slug);
    expect(linked).toContain('request-a-mobile-phone');
    expect(top('zzzz', { k: 10, intents: ['new_phone'] }).sort()).toEqual(linked.sort());
  });

  it('gives plain-text snippets of at most 200 characters around the match', () => {
    for (const hit of index.search('vpn disconnects every few minutes', { k: 10 })) {
      expect(hit.snippet.length).toBeLessThanOrEqual(200);
      expect(hit.snippet).not.toMatch(/\*\*|`|^#|\]\(/);
    }
    expect(index.search('vpn keeps dropping')[0]!.snippet.toLowerCase()).toMatch(/vpn|drop|disconnect/);
  });

  it('returns [] for empty, stop-word-only and junk queries and survives a 100 KB query', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
    expect(index.search('how do I')).toEqual([]);
    expect(index.search('qzxv blorft kkkk')).toEqual([]);
    expect(index.search('!!!???***')).toEqual([]);
    expect(index.search('vpn', { k: 0 })).toEqual([]);
    const huge = `vpn keeps dropping ${'lorem ipsum dolor '.repeat(6000)}`;
    expect(huge.length).toBeGreaterThan(100_000);
    expect(index.search(huge)[0]!.slug).toBe('vpn-keeps-disconnecting');
  });

  it('replaceAll swaps the whole corpus', () => {
    const own = createKnowledgeIndex(articles);
    own.replaceAll([{ id: 'x', slug: 'only-one', title: 'Only one', body: 'The vpn article', tags: [], intents: [] }]);
    expect(own.size).toBe(1);
    expect(own.search('vpn keeps dropping').map((h) => h.slug)).toEqual(['only-one']);
    expect(own.search('password')).toEqual([]);
  });
});
