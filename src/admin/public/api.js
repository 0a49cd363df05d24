// The admin API client: same-origin fetch with the HttpOnly session cookie, plus the CSRF token on every change.
let csrfToken = null;
let onSignedOut = () => {};

export function setCsrfToken(token) { csrfToken = token; }
export function whenSignedOut(callback) { onSignedOut = callback; }

// `version`: the record's version as read (its ETag value); a change then fails with 412 if someone changed it since.
export async function api(method, path, body, version) {
  const headers = {};
  if (version) headers['if-match'] = `"${version}"`;
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(path, init);
  if (res.status === 204) return null;
  const data = await res.json().catch(() => ({}));
  if (res.status === 401 && !path.endsWith('/session')) onSignedOut('Your session ended. Sign in again.');
  if (!res.ok) throw Object.assign(new Error((data.error && data.error.message) || res.statusText), { status: res.status, code: data.error && data.error.code });
  return data;
}

// The chosen file as text. Strict like the server (decode-file-bytes.ts): `file.text()` would turn a Latin-1 `é`
// into `�` and the import would store it. A UTF-16 file with a byte order mark is decoded as UTF-16.
export async function readFile(input) {
  const file = input.files && input.files[0];
  if (!file) throw new Error('Choose a file first.');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  let text;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${file.name} is not valid ${encoding === 'utf-8' ? 'UTF-8' : 'UTF-16'} (Latin-1 or Windows-1252, perhaps): save it as UTF-8 and choose it again.`);
  }
  // As the server: many NULs mean UTF-16 without a BOM or a binary file; a stray one is dropped.
  const nuls = text.split('\u0000').length - 1;
  if (nuls > 0 && nuls * 10 >= text.length) throw new Error(`${file.name} contains NUL bytes: it looks like UTF-16 without a byte order mark, or not a text file; save it as UTF-8.`);
  return nuls ? text.replaceAll('\u0000', '') : text;
}
