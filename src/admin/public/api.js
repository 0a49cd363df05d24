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

export function readFile(input) {
  const file = input.files && input.files[0];
  if (!file) return Promise.reject(new Error('Choose a file first.'));
  return file.text();
}
