import type { FastifyInstance } from 'fastify';
import { AdminError } from '../admin-error.js';

/**
 * Replace a scope's `application/json` parser with one that says what is wrong with a bad body: Fastify's own answers
 * every mistake with "Body is not valid JSON", which leaves a script's author guessing. Parsing itself stays
 * Fastify's (secure-json-parse, refusing `__proto__` and `constructor.prototype` keys); only the refusal changes.
 * Bad bodies are refused with 400 `invalid_json`, e.g. "The request body is not valid JSON: Expected ',' or '}'
 * after property value in JSON at position 12."
 * @param decode turns the body's bytes into text; it throws its own coded error for bytes that are not the expected
 *   encoding (Fastify's would decode them to `�` silently)
 */
export function useExplainingJsonParser(scope: FastifyInstance, decode: (body: Buffer) => string): void {
  const secureParse = scope.getDefaultJsonParser('error', 'error');
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, bytes, done) => {
    let body: string;
    try { body = decode(bytes as Buffer); } catch (err) { done(err as Error, undefined); return; }
    // Scripts often send the header on every request, bodiless rollbacks and deletes too: no body is not bad JSON.
    if (!body.trim()) { done(null, undefined); return; }
    secureParse(req, body, (err: Error | null, value?: unknown) => {
      if (err) done(explainBadJson(body), undefined);
      else done(null, value);
    });
  });
}

/** Why a body that Fastify's parser refused is bad, as a coded 400. */
function explainBadJson(body: string): AdminError {
  try {
    JSON.parse(body);
  } catch (syntax) {
    return new AdminError('invalid_json', `The request body is not valid JSON: ${(syntax as Error).message}.`, 400);
  }
  return new AdminError('invalid_json', 'The request body has a "__proto__" or "constructor" key, which is not accepted.', 400);
}
