/** What kind of secret a redaction hid. */
export type RedactionKind = 'password' | 'api_token' | 'card_number' | 'private_key' | 'jwt' | 'connection_string';

/** One thing hidden by {@link redactSecrets}. Carries the kind only, never the secret or its position. */
export interface Redaction {
  kind: RedactionKind;
}

/** A redaction pass: rewrites `text`, pushing one entry into `found` per secret it hid. */
export type RedactionRule = (text: string, found: Redaction[]) => string;

/** The text that replaces a secret: `[redacted <kind>]`. */
export function marker(kind: RedactionKind): string {
  return `[redacted ${kind}]`;
}

/** Regex source matching any {@link marker}, for readers of redacted text that must skip the placeholders. */
export const markerPattern = String.raw`\[redacted [a-z_]+\]`;

/**
 * Build a rule from a global regex. `decide` gets the match, its named groups, and the text after the match;
 * it returns the replacement, or null to keep the match as it is.
 *
 * Patterns must stay linear: every pattern starts with a literal or a lookbehind that stops it from starting
 * inside a run it already scanned, and every quantifier after an optional part is bounded.
 */
export function regexRule(
  kind: RedactionKind,
  pattern: RegExp,
  decide: (match: string, groups: Record<string, string | undefined>, after: string) => string | null = () => marker(kind),
): RedactionRule {
  if (!pattern.global) throw new Error(`redaction pattern must be global: ${pattern}`);
  return (text, found) => {
    pattern.lastIndex = 0;
    let out = '';
    let from = 0;
    let changed = false;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const end = m.index + m[0].length;
      const replacement = decide(m[0], m.groups ?? {}, text.slice(end, end + 2));
      if (m[0] === '') pattern.lastIndex++;
      if (replacement === null) continue;
      out += text.slice(from, m.index) + replacement;
      from = end;
      changed = true;
      found.push({ kind });
    }
    return changed ? out + text.slice(from) : text;
  };
}

/** Negative lookahead source that skips a value some earlier rule already replaced (quoted or not). */
export const notRedacted = String.raw`(?!["'\`]?\[redacted )`;
