// Knowledge search speed over 10,000 synthetic articles of realistic length (about 155 words each). Words follow a
// Zipf distribution over 120 IT words and 5,000 made-up ones, as words in real text do.
import { createKnowledgeIndex } from '../../src/knowledge/create-knowledge-index.js';
import type { ArticleDoc } from '../../src/knowledge/types.js';
import { percentile } from './percentile.js';

const ARTICLES = 10_000;
const QUERIES = Number(process.env.KB_BENCH_QUERIES ?? 500);

const vocabulary = (
  'password reset account locked unlock vpn connect disconnect network wifi printer print queue driver laptop screen ' +
  'keyboard battery charger monitor outlook email mailbox calendar teams meeting onedrive sharepoint file folder drive ' +
  'access permission licence software install update upgrade windows mac linux phone mobile sync authenticator code ' +
  'security phishing device lost stolen slow memory disk storage backup restore ticket status request approval manager ' +
  'starter leaver badge room booking browser chrome edge certificate proxy firewall router cable dock headset camera ' +
  'microphone audio video error message crash freeze restart shutdown login profile settings admin portal service desk'
).split(' ');

/** Deterministic pseudo-random numbers (mulberry32), so every run indexes the same articles. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = 'ka lo mi nu pe ra si to vu ze bar con dis fer gal hun';
/** IT words first (most frequent), then made-up words of 2–3 syllables. */
function buildLexicon(next: () => number): string[] {
  const syllables = SYLLABLES.split(' ');
  const pick = () => syllables[Math.floor(next() * syllables.length)]!;
  const madeUp = Array.from({ length: 5000 }, () => pick() + pick() + (next() < 0.5 ? pick() : ''));
  return [...vocabulary, ...madeUp];
}

let lexicon: string[] = [];
/** Cumulative Zipf (s = 1) weights over the lexicon, for drawing words by rank. */
let cumulative: number[] = [];

function word(next: () => number): string {
  const target = next() * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lexicon[lo]!;
}

function words(next: () => number, count: number): string {
  return Array.from({ length: count }, () => word(next)).join(' ');
}

function syntheticArticles(next: () => number): ArticleDoc[] {
  return Array.from({ length: ARTICLES }, (_, i) => ({
    id: `a${i}`,
    slug: `article-${i}`,
    title: words(next, 5),
    body: Array.from({ length: 10 }, (_, s) => `${s + 1}. ${words(next, 15)}.`).join('\n'),
    tags: [words(next, 1), words(next, 1)],
    intents: [],
  }));
}

/** Build time and per-query latency (k = 3) of the knowledge index over 10,000 synthetic articles; times in ms. */
export async function benchKnowledgeSearch(): Promise<object> {
  const next = random(42);
  lexicon = buildLexicon(next);
  let sum = 0;
  cumulative = lexicon.map((_, rank) => (sum += 1 / (rank + 1)));
  const articles = syntheticArticles(next);
  const buildStarted = performance.now();
  const index = createKnowledgeIndex(articles);
  const buildMs = performance.now() - buildStarted;
  const queries = Array.from({ length: QUERIES }, () => words(next, 2 + Math.floor(next() * 6)));
  for (const q of queries.slice(0, 50)) index.search(q);
  const samples = queries.map((q) => {
    const started = performance.now();
    index.search(q);
    return performance.now() - started;
  });
  return {
    articles: index.size,
    buildMs: Math.round(buildMs),
    searchP50Ms: percentile(samples, 50),
    searchP99Ms: percentile(samples, 99),
  };
}
