import { marker, regexRule } from './rule.js';

// scheme://user:password@host — the password runs to the last `@` before whitespace or `/` (unencoded `@` happens).
const credentialsInUrl =
  /\b(?<scheme>[A-Za-z][A-Za-z0-9+.-]{1,30}:\/\/)(?<user>[^\s:@/]{0,256}):(?<password>[^\s/]{1,256})@/g;

/** Hide the password of URLs with credentials (`postgres://app:s3cret@db:5432/x` → `postgres://app:[redacted connection_string]@db:5432/x`). */
export const connectionStringRule = regexRule('connection_string', credentialsInUrl, (_m, g) =>
  g.password!.startsWith('[redacted ') ? null : `${g.scheme}${g.user}:${marker('connection_string')}@`,
);
