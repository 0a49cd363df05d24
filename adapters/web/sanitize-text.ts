const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Deep copy of parsed JSON in which every string can be stored by PostgreSQL and shown by Web Chat: NUL removed,
 * lone UTF-16 surrogates replaced by U+FFFD. Emoji, RTL text and other control characters are kept as sent.
 */
export function sanitizeJson<T>(value: T): T {
  if (typeof value === 'string') return value.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\uFFFD') as T;
  if (Array.isArray(value)) return value.map(sanitizeJson) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[sanitizeJson(k)] = sanitizeJson(v);
    return out as T;
  }
  return value;
}
