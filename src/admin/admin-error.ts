/**
 * Codes of the admin API's own refusals, beside DeskbotError's (bad_request, unauthorized, forbidden, not_found).
 * `changed`: the record was changed by someone else since the caller read it (HTTP 412, RFC 9110 §13.1.1 If-Match).
 * `invalid_json`: the body says it is JSON and is not (400, naming where it breaks).
 */
export type AdminErrorCode = 'conflict' | 'no_changes' | 'busy' | 'changed' | 'invalid_json';

/** A refusal with a code the admin page can act on; `status` is its HTTP status (409 unless given). */
export class AdminError extends Error {
  readonly code: AdminErrorCode;
  readonly status: number;
  constructor(code: AdminErrorCode, message: string, status = 409) {
    super(message);
    this.name = 'AdminError';
    this.code = code;
    this.status = status;
  }
}
