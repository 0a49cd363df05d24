/**
 * Content-Security-Policy of a console page: only the origin's own scripts and styles, no inline code or style
 * attributes, no framing, no form posts. Console pages show employees' words, so a slip in escaping must not become
 * script execution (OWASP XSS prevention, defence in depth).
 */
export const consolePageCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers for every file of a console page: no MIME sniffing, no referrer leaking the console's URLs. */
export const consoleFileHeaders = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' } as const;
