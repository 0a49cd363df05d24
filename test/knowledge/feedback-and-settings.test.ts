import { describe, expect, it } from 'vitest';
import { feedbackTerms } from '../../src/knowledge/pseudo-relevance-feedback.js';
import { analyzeTerms } from '../../src/knowledge/analyze-text.js';
import { createKnowledgeIndex } from '../../src/knowledge/create-knowledge-index.js';

const doc = (id: string, body: string) => ({ id, slug: id, title: '', body, tags: [], intents: [] });

describe('feedbackTerms', () => {
  const docTerms = [
    { counts: new Map([['vpn', 2], ['forticlient', 3], ['the', 5]]), length: 10 },
    { counts: new Map([['vpn', 1], ['anyconnect', 1], ['the', 5]]), length: 10 },
    { counts: new Map([['printer', 4], ['the', 5]]), length: 10 },
  ];
  const df = (term: string) => docTerms.filter((d) => d.counts.has(term)).length;

  it('weights terms of the top documents by score and tf/length, leaves out query and common terms', () => {
    const terms = feedbackTerms(docTerms, [{ doc: 0, score: 3 }, { doc: 1, score: 1 }], new Set(['vpn']), df, { documents: 2, terms: 5, maxDocShare: 0.5 });
    expect([...terms.keys()]).toEqual(['forticlient', 'anyconnect']);
    expect(terms.get('forticlient')).toBe(1);
    expect(terms.get('anyconnect')!).toBeGreaterThan(0);
    expect(terms.get('anyconnect')!).toBeLessThan(1);
  });

  it('returns nothing when the first pass found nothing', () => {
    expect(feedbackTerms(docTerms, [], new Set(), df, { documents: 2, terms: 5, maxDocShare: 0.5 }).size).toBe(0);
  });
});

describe('retrieval settings', () => {
  it('adds word pairs as terms only when asked', () => {
    expect(analyzeTerms('printer driver')).not.toContain('printer driver');
    expect(analyzeTerms('printer driver', undefined, true)).toContain('printer driver');
  });

  it('ranks with feedback switched on and still finds the direct match first', () => {
    const docs = [doc('a', 'Reinstall the forticlient vpn client and sign in again.'), doc('b', 'Forticlient needs the new certificate.'), doc('c', 'Clear the printer queue.')];
    const index = createKnowledgeIndex(docs, { feedback: { documents: 1, terms: 5, maxDocShare: 0.9 }, feedbackWidens: true });
    const ids = index.search('vpn client', { k: 3 }).map((h) => h.id);
    expect(ids[0]).toBe('a');
    expect(ids).toContain('b');
    expect(ids).not.toContain('c');
  });
});
