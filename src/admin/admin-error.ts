/** Codes of the admin API's own refusals, beside DeskbotError's (bad_request, unauthorized, forbidden, not_found). */
export type AdminErrorCode = 'conflict' | 'no_changes' | 'busy';

/** A refusal with a code the admin page can act on; `status` is its HTTP status (409 for all three today). */
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
