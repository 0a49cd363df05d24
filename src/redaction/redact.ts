/** Secret redaction for message text and logs: the module other parts import. */
export { redactSecrets } from './redact-secrets.js';
export { redactObject } from './redact-object.js';
export type { Redaction, RedactionKind } from './rule.js';
