/** Longest text deskbot stores and reasons about, in characters; the rest is cut with a marker. */
export const maxStoredText = 100_000;

/**
 * Normalize inbound text: Unicode NFC, control characters other than tab and newline removed, whitespace trimmed,
 * cut to {@link maxStoredText}. Emoji and right-to-left text pass through unchanged.
 */
export function sanitizeText(text: string): { text: string; truncated: boolean } {
  // eslint-disable-next-line no-control-regex
  let clean = text.normalize('NFC').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
  const truncated = clean.length > maxStoredText;
  if (truncated) clean = `${clean.slice(0, maxStoredText)} […]`;
  return { text: clean, truncated };
}
