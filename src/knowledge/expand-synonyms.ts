/** A synonym table ready for queries: each group's members as analysed terms. */
export interface SynonymTable {
  /** Per group, per member, the index terms that stand for it (one term; a two-word phrase becomes its joined form). */
  groups: string[][];
  /** Which groups each member term belongs to. */
  groupsOf: Map<string, number[]>;
}

/**
 * Prepare `groups` (words or two-word phrases) for {@link expandWithSynonyms}. A phrase stands for the term the analyser
 * makes of its two words written together (it indexes "turn off" also as "turnoff"), so a phrase is matched as a phrase.
 * @param analyze the index's own term analysis
 */
export function buildSynonymTable(groups: ReadonlyArray<ReadonlyArray<string>>, analyze: (text: string) => string[]): SynonymTable {
  const table: SynonymTable = { groups: [], groupsOf: new Map() };
  for (const group of groups) {
    const members = [...new Set(group.map((member) => memberTerm(member, analyze)).filter((term): term is string => term !== null))];
    if (members.length < 2) continue;
    const at = table.groups.length;
    table.groups.push(members);
    for (const term of members) table.groupsOf.set(term, [...(table.groupsOf.get(term) ?? []), at]);
  }
  return table;
}

/** The one term of a word, or the joined term of a two-word phrase (the last term the analyser yields for it). */
function memberTerm(member: string, analyze: (text: string) => string[]): string | null {
  const terms = analyze(member);
  if (terms.length === 0) return null;
  return terms.length === 1 ? terms[0]! : terms[terms.length - 1]!;
}

/**
 * Synonyms of the query's terms that the query does not hold, each weighing `weight` (a share of an original term's
 * weight): a user's words meet an article's different words for the same thing without diluting the query.
 * @param queryTerms the analysed query
 * @returns expansion term → weight; empty when no query term is in the table
 */
export function expandWithSynonyms(queryTerms: ReadonlyArray<string>, table: SynonymTable, weight: number): Map<string, number> {
  const present = new Set(queryTerms);
  const expansion = new Map<string, number>();
  for (const term of present) {
    for (const group of table.groupsOf.get(term) ?? []) {
      for (const synonym of table.groups[group]!) if (!present.has(synonym)) expansion.set(synonym, weight);
    }
  }
  return expansion;
}
