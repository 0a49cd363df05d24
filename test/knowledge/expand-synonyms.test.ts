import { describe, expect, it } from 'vitest';
import { analyzeTerms } from '../../src/knowledge/analyze-text.js';
import { createKnowledgeIndex } from '../../src/knowledge/create-knowledge-index.js';
import { buildSynonymTable, expandWithSynonyms } from '../../src/knowledge/expand-synonyms.js';
import { itSynonymGroups } from '../../src/knowledge/it-synonyms.js';

const analyze = (text: string) => analyzeTerms(text);
const doc = (id: string, body: string) => ({ id, slug: id, title: '', body, tags: [], intents: [] });

describe('expandWithSynonyms', () => {
  const table = buildSynonymTable([['shutdown', 'power off', 'halt'], ['reboot', 'restart'], ['lonely']], analyze);

  it('adds the other members of each matched group at the given weight, phrases as their joined term', () => {
    const expansion = expandWithSynonyms(analyze('shutdown the laptop'), table, 0.4);
    expect([...expansion.keys()].sort()).toEqual(['halt', 'poweroff']);
    expect(expansion.get('halt')).toBe(0.4);
  });

  it('matches a two-word phrase in the query and leaves out terms the query already has', () => {
    const expansion = expandWithSynonyms(analyze('power off or halt'), table, 0.5);
    expect([...expansion.keys()]).toEqual(['shutdown']);
  });

  it('adds nothing for words in no group, and skips groups of one', () => {
    expect(expandWithSynonyms(analyze('printer jam lonely'), table, 0.5).size).toBe(0);
    expect(table.groups).toHaveLength(2);
  });

  it('prepares every shipped group to at least two distinct terms', () => {
    const shipped = buildSynonymTable(itSynonymGroups, analyze);
    expect(shipped.groups.length).toBe(itSynonymGroups.length);
  });
});

describe('search with synonymWeight', () => {
  const docs = [doc('off', 'Run sudo poweroff to turn the machine off.'), doc('mail', 'Open Thunderbird to read mail.')];

  it('finds an article that uses a synonym of the query word only when expansion is on', () => {
    expect(createKnowledgeIndex(docs).search('shutdown', { k: 3 }).map((h) => h.id)).not.toContain('off');
    expect(createKnowledgeIndex(docs, { synonymWeight: 0.5 }).search('shutdown', { k: 3 }).map((h) => h.id)).toEqual(['off']);
  });
});
