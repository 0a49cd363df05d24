/** A knowledge article as the index sees it. `body` is Markdown; `intents` names intents from the intent catalogue. */
export interface ArticleDoc {
  id: string;
  slug: string;
  title: string;
  body: string;
  tags: string[];
  intents: string[];
}

/** One search result. `snippet` is at most 200 characters of plain text around the best match. */
export interface SearchHit {
  id: string;
  slug: string;
  title: string;
  snippet: string;
  /** Relevance in BM25 units: comparable within one query's results only; higher is better. */
  score: number;
}

/** Options of {@link KnowledgeIndex.search}. */
export interface SearchOptions {
  /** Most hits to return; default 3. */
  k?: number;
  /** Intent names: articles linked to any of them are boosted, and offered even without a word match. */
  intents?: string[];
}

/** An in-memory full-text index over knowledge articles. */
export interface KnowledgeIndex {
  /** Best matches first; [] for an empty or junk query. Never throws; very long queries are truncated. */
  search(query: string, options?: SearchOptions): SearchHit[];
  /** Replace every indexed article at once (e.g. after an import). */
  replaceAll(docs: ArticleDoc[]): void;
  /** Number of indexed articles. */
  readonly size: number;
}
