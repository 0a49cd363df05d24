import { collapseWhitespace } from '../core/collapse-whitespace.js';

/**
 * Plain text of a Markdown document for snippets and indexing: headings, emphasis, code marks, list and quote markers,
 * HTML tags and table pipes removed; links and images reduced to their text. Not a full CommonMark parser: good enough
 * for short knowledge articles.
 * @returns text with single spaces, one line per block
 */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .replace(/^```.*$/gm, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>\n]{1,200}>/g, ' ')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s{0,3}>\s?/gm, '')
    .replace(/^\s*(?:[-*+]|\d{1,3}[.)])\s+/gm, '')
    .replace(/^\s*\|?[-:| ]{3,}\|?\s*$/gm, '')
    .replace(/\|/g, ' ')
    .replace(/(\*\*|__|\*|`|~~)/g, '')
    .replace(/(^|\s)_(\S[^_\n]*\S|\S)_(?=\s|$|[.,;:!?])/g, '$1$2')
    .split('\n')
    .map((line) => collapseWhitespace(line))
    .filter((line) => line.length > 0)
    .join('\n');
}
