const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A deep copy of JSON-like data in which every string is storable in PostgreSQL (jsonb and text): NUL characters are
 * removed and lone UTF-16 surrogates become U+FFFD. Members whose value is `undefined` are
 * dropped, as JSON would.
 */
export function toStorableJson(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\uFFFD');
  if (Array.isArray(value)) return value.map(toStorableJson);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[toStorableJson(k) as string] = toStorableJson(v);
    return out;
  }
  return value;
}
