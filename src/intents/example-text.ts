import { collapseWhitespace } from '../core/collapse-whitespace.js';

/**
 * An intent example text as deskbot stores and compares it: Unicode NFC, then whitespace collapsed (see
 * `collapseWhitespace`). NFC because the same accent can be typed two ways (`café` precomposed, or `e` plus a
 * combining U+0301): without it both spellings would be stored, side by side, and the case-insensitive key
 * (`lower("text")`) would not see them as one. Every way examples enter the database (admin API, inbox, imports,
 * seed) comes through here.
 * @returns the text to store; `''` for a blank text (callers drop it)
 */
export function normalExampleText(text: string): string {
  return collapseWhitespace(text.normalize('NFC'));
}
