/**
 * Text with no whitespace at either end and every inner run of it (spaces, tabs, newlines, Unicode spaces: what `\s`
 * and `trim` match) made one `joiner`. How typed and imported text is compared and stored: example texts, intent
 * names, Markdown lines, classifier cues.
 * Nothing else changes: no Unicode normalization (callers that need NFC apply it first; it never turns whitespace
 * into non-whitespace or back) and no control characters removed.
 * @param joiner what stands for each inner run (default one space; intent names use `_`)
 */
export function collapseWhitespace(text: string, joiner = ' '): string {
  return text.trim().replace(/\s+/g, joiner);
}
