import { marker, notRedacted, regexRule, type RedactionRule } from './rule.js';

const token = marker('api_token');
// Token bodies are runs of these characters; the lookbehind keeps a pattern from starting inside such a run.
const edge = String.raw`(?<![A-Za-z0-9_-])`;

/** Vendor tokens recognisable by their prefix alone. */
const vendorPatterns: RegExp[] = [
  new RegExp(String.raw`${edge}xox[abposre]-[A-Za-z0-9-]{10,}`, 'g'), // Slack bot/user/app tokens
  new RegExp(String.raw`${edge}xapp-\d-[A-Za-z0-9-]{10,}`, 'g'), // Slack app-level tokens
  /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{10,}/g, // Slack webhooks
  new RegExp(String.raw`${edge}(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})`, 'g'), // GitHub
  new RegExp(String.raw`${edge}glpat-[A-Za-z0-9_-]{20,}`, 'g'), // GitLab
  /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g, // AWS access key ids
  new RegExp(String.raw`${edge}sk-(?:proj-|svcacct-|admin-|ant-[a-z]{3}\d\d-)?[A-Za-z0-9_-]{20,}`, 'g'), // OpenAI, Anthropic
  new RegExp(String.raw`${edge}(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}`, 'g'), // Stripe secret / restricted keys
  new RegExp(String.raw`${edge}whsec_[A-Za-z0-9+/=]{20,}`, 'g'), // Stripe webhook secrets
  new RegExp(String.raw`${edge}AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])`, 'g'), // Google API keys
  new RegExp(String.raw`${edge}ya29\.[0-9A-Za-z_-]{20,}`, 'g'), // Google OAuth access tokens
  new RegExp(String.raw`${edge}npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])`, 'g'), // npm
  new RegExp(String.raw`${edge}SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}`, 'g'), // SendGrid
];

const awsSecret = new RegExp(
  String.raw`(?<label>aws_secret_access_key|aws_secret_key|secret_access_key)(?<sep>["']?[ \t]{0,5}[:=][ \t]{0,5}["']?)${notRedacted}[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])`,
  'gi',
);

// An AWS secret access key pasted without its label ("secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"): exactly 40
// base64 characters standing alone, mixing upper case, lower case and digits (words, paths and hashes do not).
const bareAwsSecret = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;

const bearer = new RegExp(String.raw`(?<![A-Za-z])(?<scheme>bearer|basic)[ \t]+${notRedacted}[A-Za-z0-9._~+/-]{12,}=*`, 'gi');

// `label = value` / `label: value` with labels that name secrets; `token` also matches `csrf_token`, `x-auth-token`.
const keyValue = new RegExp(
  String.raw`(?<![A-Za-z0-9])(?<label>api[_-]?key|api[_-]?token|api[_-]?secret|access[_-]?token|auth[_-]?token|refresh[_-]?token|id[_-]?token|client[_-]?secret|app[_-]?secret|secret[_-]?key|private[_-]?token|token|secret)(?<sep>["']?[ \t]{0,5}(?:=>|[:=])[ \t]{0,5}["']?)(?<value>${notRedacted}[^\s"'\`,;&<>]{6,})`,
  'gi',
);

/** JSON Web Tokens: three base64url parts, the header starting `eyJ` (`{"`). */
export const jwtRule = regexRule(
  'jwt',
  new RegExp(String.raw`${edge}eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*`, 'g'),
);

/** Hide API tokens: vendor prefixes, AWS secret keys after their label, Bearer/Basic credentials, generic key=value. */
export const apiTokenRules: RedactionRule[] = [
  ...vendorPatterns.map((p) => regexRule('api_token', p, (m) => (m.startsWith('https://') ? keepWebhookHost(m) : token))),
  regexRule('api_token', awsSecret, (_m, g) => `${g.label}${g.sep}${token}`),
  regexRule('api_token', bareAwsSecret, (m) => (/[A-Z]/.test(m) && /[a-z]/.test(m) && /\d/.test(m) ? token : null)),
  regexRule('api_token', bearer, (_m, g) => `${g.scheme} ${token}`),
  regexRule('api_token', keyValue, (_m, g) => (g.sep!.includes(':') && !looksLikeToken(g.value!) ? null : `${g.label}${g.sep}${token}`)),
];

function keepWebhookHost(url: string): string {
  return `https://hooks.slack.com/${url.split('/')[3]}/${token}`;
}

// After `token:` (prose-like), only hide values that look machine-made: long, or mixing digits with letters.
function looksLikeToken(value: string): boolean {
  return value.length >= 20 || (/\d/.test(value) && /[A-Za-z]/.test(value));
}
