import { markerPattern as PLACEHOLDER } from '../redaction/rule.js';

// "my password is [redacted password]" discloses a secret; it does not say what the message is about. Left in, the
// words (and the placeholder's own "password") pull an access request or an outage report towards password reset.
const DISCLOSURE = new RegExp(
  String.raw`(?:\b(?:my|the|our|new|old|current|temporary|temp)\s+)?\b(?:password|passwd|pwd|pw|passcode|passphrase|pin|secret|token|api key|key)\s*(?:is|was|=|:)?\s*${PLACEHOLDER}`,
  'gi',
);
const ANY_PLACEHOLDER = new RegExp(PLACEHOLDER, 'gi');

/**
 * Remove secrets the redaction replaced, with the words that only disclose them ("my password is …", "pw: …"), from
 * text the intent models read. Words about the secret's system stay ("my vpn password is …" keeps "my vpn").
 * @param text redacted message text
 * @returns the text without placeholders and disclosure phrases
 */
export function stripSharedSecrets(text: string): string {
  if (!text.includes('[redacted ')) return text;
  return text.replace(DISCLOSURE, ' ').replace(ANY_PLACEHOLDER, ' ');
}
