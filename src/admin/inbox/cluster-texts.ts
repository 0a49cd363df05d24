/** A group of similar texts; `members` are indexes into the input, in input order. */
export interface TextCluster {
  members: number[];
  /** The most frequent words of the group (up to 3), to label it. */
  terms: string[];
}

const stopWords = new Set('a an and are at be but by can do does for from have how i i\'m in is it its me my not of on or our please so that the this to was we what when why with you your'.split(' '));

function words(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9][a-z0-9'-]*/g) ?? []).filter((w) => w.length > 1 && !stopWords.has(w));
}

/** Word set plus character trigrams of the words: robust to typos and word order. */
function features(text: string): Set<string> {
  const ws = words(text);
  const set = new Set(ws.map((w) => `w:${w}`));
  for (const w of ws) {
    const padded = ` ${w} `;
    for (let i = 0; i + 3 <= padded.length; i += 1) set.add(padded.slice(i, i + 3));
  }
  return set;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const f of a) if (b.has(f)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/**
 * Group texts by similarity, greedily: each text joins the most similar existing group (Jaccard over word sets and
 * character trigrams, compared with the group's first text) when that reaches `threshold`, else starts a group.
 * Groups come out largest first. O(texts × groups): fine for the few hundred messages of an inbox.
 * @param threshold 0..1; default 0.3
 */
export function clusterTexts(texts: string[], threshold = 0.3): TextCluster[] {
  const seeds: Array<{ features: Set<string>; members: number[] }> = [];
  texts.forEach((text, index) => {
    const f = features(text);
    let best: (typeof seeds)[number] | undefined;
    let bestScore = threshold;
    for (const seed of seeds) {
      const score = jaccard(f, seed.features);
      if (score >= bestScore) { best = seed; bestScore = score; }
    }
    if (best) best.members.push(index);
    else seeds.push({ features: f, members: [index] });
  });
  return seeds
    .map((s) => ({ members: s.members, terms: topTerms(s.members.map((i) => texts[i]!)) }))
    .sort((a, b) => b.members.length - a.members.length || a.members[0]! - b.members[0]!);
}

function topTerms(texts: string[]): string[] {
  const counts = new Map<string, number>();
  for (const t of texts) for (const w of new Set(words(t))) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 3).map(([w]) => w);
}
