/** BM25 saturation and length normalisation (Robertson & Zaragoza 2009, "The Probabilistic Relevance Framework"). */
export interface Bm25Params {
  k1: number;
  b: number;
  /**
   * Exponent of idf (default 1). Above 1 a rare query word outweighs several common ones more strongly: with short
   * queries against long answers, the one rare word a question and its answer share (a program's name, a version)
   * says most about relevance.
   */
  idfPower?: number;
}

/** Per-query accumulators over document numbers 0 … size-1; only `touched` entries are non-zero. */
export interface Bm25Result {
  scores: Float64Array;
  /** How many distinct query terms each document matched. */
  matched: Uint16Array;
  touched: number[];
}

/** A compact BM25 inverted index over documents numbered 0 … size-1. */
export interface Bm25Index {
  readonly size: number;
  /**
   * Sum of idf × field-weighted saturated tf over the distinct `terms`; unknown terms add nothing.
   * @param maxDocShare skip terms found in more than this share of documents and in over 1,000 of them (low idf,
   *   long postings: a cost cap that small indexes never hit); default 1
   * @param termWeights multiplies each listed term's contribution (query expansion); unlisted terms weigh 1
   */
  search(terms: string[], maxDocShare?: number, termWeights?: ReadonlyMap<string, number>): Bm25Result;
  /** How many documents hold `term` in any field. */
  documentFrequency(term: string): number;
}

/** Postings shorter than this are never skipped: cheap to scan, and in small indexes every gram is "common". */
const MIN_SKIPPED_POSTINGS = 1000;

interface Postings {
  docs: Int32Array;
  weights: Float32Array;
}

/**
 * Build a BM25 index in which each document's fields are scored separately (own length normalisation) and summed with
 * `fieldBoosts`, like Lucene's per-field BM25 with boosts; idf counts documents having the term in any field:
 * log(1 + (N − n + 0.5) / (n + 0.5)), raised to `params.idfPower`. The query-independent part of each posting is precomputed, so a search is one
 * pass over the postings of its terms.
 * @param docs per document, the terms of each field (same order as `fieldBoosts`)
 */
export function buildBm25Index(docs: string[][][], fieldBoosts: number[], params: Bm25Params): Bm25Index {
  const averages = fieldBoosts.map((_, f) => docs.reduce((sum, fields) => sum + (fields[f]?.length ?? 0), 0) / Math.max(1, docs.length));
  const vocabulary = new Map<string, number>();
  const triples = new Triples();
  docs.forEach((fields, doc) => {
    for (const [term, weight] of documentWeights(fields, fieldBoosts, averages, params)) {
      let id = vocabulary.get(term);
      if (id === undefined) vocabulary.set(term, (id = vocabulary.size));
      triples.push(id, doc, weight);
    }
  });
  const postings = groupByTerm(triples, vocabulary.size);
  const lookup = (term: string) => {
    const id = vocabulary.get(term);
    return id === undefined ? undefined : postings[id];
  };
  return {
    size: docs.length,
    search: (terms, maxDocShare = 1, termWeights) => searchPostings(lookup, docs.length, terms, maxDocShare, params.idfPower ?? 1, termWeights),
    documentFrequency: (term) => lookup(term)?.docs.length ?? 0,
  };
}

/** Per distinct term of one document: Σ over fields of boost × tf (k1 + 1) / (tf + k1 (1 − b + b · len / avgLen)). */
function documentWeights(fields: string[][], boosts: number[], averages: number[], params: Bm25Params): Map<string, number> {
  const weights = new Map<string, number>();
  boosts.forEach((boost, f) => {
    const terms = fields[f] ?? [];
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const norm = params.k1 * (1 - params.b + (params.b * terms.length) / (averages[f] || 1));
    for (const [term, tf] of counts) weights.set(term, (weights.get(term) ?? 0) + (boost * tf * (params.k1 + 1)) / (tf + norm));
  });
  return weights;
}

/** (term, doc, weight) triples in growable typed arrays: millions of postings without millions of small objects. */
class Triples {
  length = 0;
  terms = new Int32Array(1024);
  docs = new Int32Array(1024);
  weights = new Float32Array(1024);
  push(term: number, doc: number, weight: number): void {
    if (this.length === this.terms.length) this.grow();
    this.terms[this.length] = term;
    this.docs[this.length] = doc;
    this.weights[this.length] = weight;
    this.length += 1;
  }
  private grow(): void {
    const size = this.terms.length * 2;
    const terms = new Int32Array(size);
    const docs = new Int32Array(size);
    const weights = new Float32Array(size);
    terms.set(this.terms);
    docs.set(this.docs);
    weights.set(this.weights);
    Object.assign(this, { terms, docs, weights });
  }
}

/** Counting sort of the triples by term; documents stay in ascending order within a term. */
function groupByTerm(triples: Triples, termCount: number): Postings[] {
  const counts = new Int32Array(termCount);
  for (let i = 0; i < triples.length; i++) counts[triples.terms[i]!]! += 1;
  const postings = Array.from(counts, (n) => ({ docs: new Int32Array(n), weights: new Float32Array(n) }));
  const fill = new Int32Array(termCount);
  for (let i = 0; i < triples.length; i++) {
    const term = triples.terms[i]!;
    const list = postings[term]!;
    const at = fill[term]!++;
    list.docs[at] = triples.docs[i]!;
    list.weights[at] = triples.weights[i]!;
  }
  return postings;
}

function searchPostings(
  lookup: (term: string) => Postings | undefined,
  size: number,
  terms: string[],
  maxDocShare: number,
  idfPower: number,
  termWeights?: ReadonlyMap<string, number>,
): Bm25Result {
  const scores = new Float64Array(size);
  const matched = new Uint16Array(size);
  const touched: number[] = [];
  for (const term of new Set(terms)) {
    const list = lookup(term);
    if (!list) continue;
    const n = list.docs.length;
    if (n > maxDocShare * size && n > MIN_SKIPPED_POSTINGS) continue;
    const idf = Math.log(1 + (size - n + 0.5) / (n + 0.5)) ** idfPower * (termWeights?.get(term) ?? 1);
    for (let i = 0; i < n; i++) {
      const doc = list.docs[i]!;
      if (matched[doc] === 0) touched.push(doc);
      matched[doc]! += 1;
      scores[doc]! += idf * list.weights[i]!;
    }
  }
  return { scores, matched, touched };
}
