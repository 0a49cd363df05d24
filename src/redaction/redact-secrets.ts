import { apiTokenRules, jwtRule } from './api-tokens.js';
import { cardExpiryRule, cardNumberRule, cardVerificationRule } from './card-number.js';
import { connectionStringRule } from './connection-string.js';
import { passwordRule } from './password.js';
import { privateKeyRule } from './private-key.js';
import type { Redaction, RedactionRule } from './rule.js';

// Order matters: whole blocks first, then the most specific shapes, so a later, looser rule sees `[redacted …]` instead.
const rules: RedactionRule[] = [privateKeyRule, connectionStringRule, jwtRule, ...apiTokenRules, passwordRule, cardNumberRule, cardVerificationRule, cardExpiryRule];

/**
 * Replace secrets pasted into a message with `[redacted <kind>]`: passwords, API tokens (Slack, GitHub, AWS, OpenAI,
 * Google, Stripe, Bearer, generic `api_key=`, bare AWS secret keys), Luhn-valid card numbers with their CVV and expiry, PEM
 * private keys, JWTs, and passwords inside URLs; password labels in English, German, French, Spanish, Dutch, Portuguese,
 * Italian and the Nordic languages.
 * Linear time (no nested unbounded quantifiers): about a millisecond per 10–100 KB.
 * @returns the redacted text and one entry per secret hidden, in rule order (kinds only, never the secret)
 */
export function redactSecrets(text: string): { text: string; redactions: Redaction[] } {
  const redactions: Redaction[] = [];
  let out = text;
  for (const rule of rules) out = rule(out, redactions);
  return { text: out, redactions };
}
