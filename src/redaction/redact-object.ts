import { redactSecrets } from './redact-secrets.js';
import { marker, type RedactionKind } from './rule.js';

// Keys whose string values are secrets whatever they look like ({ password: 'x' }, { authorization: 'Basic …' }).
const secretKeys: Array<[RegExp, RedactionKind]> = [
  [/^(?:password|passwd|pwd|passphrase|passcode)$/, 'password'],
  [/^(?:token|secret|apikey|accesstoken|refreshtoken|idtoken|clientsecret|authorization|cookie|setcookie|xapikey)$/, 'api_token'],
  [/^(?:privatekey)$/, 'private_key'],
  [/^(?:connectionstring|databaseurl)$/, 'connection_string'],
];

/**
 * Deep copy of a JSON-like value with every string passed through {@link redactSecrets}, and string values under
 * secret-named keys (`password`, `token`, `apiKey`, `authorization`, `client_secret`…) replaced whole. For logs.
 * Plain objects and arrays are copied; other objects (Date, Buffer, class instances) are kept as they are.
 * Cycles are kept as references to the copy.
 */
export function redactObject<T>(value: T): T {
  return walk(value, new WeakMap()) as T;
}

function walk(value: unknown, seen: WeakMap<object, unknown>): unknown {
  if (typeof value === 'string') return redactSecrets(value).text;
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(walk(item, seen));
    return copy;
  }
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const [key, item] of Object.entries(value)) copy[key] = redactEntry(key, item, seen);
  return copy;
}

function redactEntry(key: string, item: unknown, seen: WeakMap<object, unknown>): unknown {
  if (typeof item === 'string' && item !== '') {
    const normalized = key.toLowerCase().replace(/[_-]/g, '');
    const hit = secretKeys.find(([pattern]) => pattern.test(normalized));
    if (hit) return marker(hit[1]);
  }
  return walk(item, seen);
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
