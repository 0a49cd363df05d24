import { describe, expect, it } from 'vitest';
import { analyzeTerms, splitWords } from '../../src/knowledge/analyze-text.js';
import { makeSnippet } from '../../src/knowledge/make-snippet.js';
import { markdownToText } from '../../src/knowledge/markdown-to-text.js';

describe('markdownToText', () => {
  it('strips headings, emphasis, code, lists, quotes and links', () => {
    const text = markdownToText('## Steps\n\n1. Open **Settings** > `Network`.\n- See [the guide](https://x.example/a).\n> Note: _restart_ ![icon](i.png)');
    expect(text).toBe('Steps\nOpen Settings > Network.\nSee the guide.\nNote: restart icon');
  });
});

describe('analyzeTerms', () => {
  it('keeps code-ish tokens whole and in parts, stems, drops stop words, joins pairs', () => {
    expect(splitWords('sudo apt-get install ~/.local/x.desktop 12.04')).toEqual(
      expect.arrayContaining(['apt', 'get', 'aptget', 'desktop', '12', '1204']),
    );
    expect(analyzeTerms('The printers printing')).toEqual(['printer', 'print', 'printersprint']);
    expect(analyzeTerms('printers are printing')).toEqual(['printer', 'print']);
    expect(analyzeTerms('shut down')).toContain('shutdown');
  });

  it('keeps a dotted version number whole and by its major part, without the bare minor part', () => {
    expect(splitWords('upgrade 15.04 to 15.10')).toEqual(['upgrade', '15', '1504', 'to', '15', '1510']);
    expect(splitWords('hplip 3.15.11')).toEqual(['hplip', '3', '31511']);
    expect(splitWords('12.04 or 14.04')).not.toContain('04');
    expect(splitWords('python3.8')).toEqual(expect.arrayContaining(['python3', '8', 'python38']));
  });
});

describe('makeSnippet', () => {
  it('picks the sentence with the most query terms and cuts long ones to 200 characters', () => {
    const text = `Intro sentence here. ${'filler '.repeat(40)}the vpn client drops often ${'more '.repeat(40)}end. Last one.`;
    const snippet = makeSnippet(text, new Set(analyzeTerms('vpn drops')), (t) => analyzeTerms(t));
    expect(snippet.length).toBeLessThanOrEqual(200);
    expect(snippet).toContain('vpn client drops');
    expect(snippet.startsWith('…')).toBe(true);
    expect(makeSnippet('Short one. Other.', new Set(), (t) => analyzeTerms(t))).toBe('Short one.');
  });
});
