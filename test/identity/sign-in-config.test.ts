import { expect, test } from 'vitest';
import { loadConfig, signInSettings } from '../../src/config/config.js';

const oidc = { OIDC_ISSUER: 'https://login.example.com/realms/staff', OIDC_CLIENT_ID: 'deskbot', OIDC_CLIENT_SECRET: 's3cret' };

test('sign-in is off without OIDC settings and on with all three plus a public or redirect URL', () => {
  expect(signInSettings(loadConfig({}))).toBeUndefined();
  expect(signInSettings(loadConfig({ ...oidc, PUBLIC_URL: 'https://desk.example.com/' }))).toEqual({
    issuer: oidc.OIDC_ISSUER, clientId: 'deskbot', clientSecret: 's3cret', redirectUrl: 'https://desk.example.com/auth/callback', scopes: 'openid profile email',
    postLogoutRedirectUrl: 'https://desk.example.com/auth/signed-out',
  });
  expect(signInSettings(loadConfig({ ...oidc, PUBLIC_URL: 'https://example.com/desk', OIDC_REDIRECT_URL: 'https://desk.example.com/auth/callback' }))?.redirectUrl)
    .toBe('https://desk.example.com/auth/callback');
  expect(signInSettings(loadConfig({ ...oidc, PUBLIC_URL: 'https://example.com/desk' }))?.redirectUrl).toBe('https://example.com/desk/auth/callback');
});

test('sign-out at the provider: on by default beside the callback, movable, and off with OIDC_LOGOUT_AT_PROVIDER=false', () => {
  const base = { ...oidc, PUBLIC_URL: 'https://example.com/desk' };
  expect(signInSettings(loadConfig(base))?.postLogoutRedirectUrl).toBe('https://example.com/desk/auth/signed-out');
  expect(signInSettings(loadConfig({ ...base, OIDC_POST_LOGOUT_REDIRECT_URL: 'https://intranet.example.com/bye' }))?.postLogoutRedirectUrl)
    .toBe('https://intranet.example.com/bye');
  expect(signInSettings(loadConfig({ ...base, OIDC_LOGOUT_AT_PROVIDER: 'false' }))?.postLogoutRedirectUrl).toBeUndefined();
  expect(() => loadConfig({ ...base, OIDC_LOGOUT_AT_PROVIDER: 'maybe' })).toThrow(/OIDC_LOGOUT_AT_PROVIDER/);
});

test('half-configured sign-in stops the bot with a message naming what is missing', () => {
  expect(() => loadConfig({ OIDC_ISSUER: oidc.OIDC_ISSUER })).toThrow(/OIDC_ISSUER: sign-in needs all of/);
  expect(() => loadConfig(oidc)).toThrow(/OIDC_REDIRECT_URL: sign-in needs OIDC_REDIRECT_URL or PUBLIC_URL/);
  expect(() => loadConfig({ ...oidc, OIDC_ISSUER: 'ftp://login.example.com', PUBLIC_URL: 'https://desk.example.com' })).toThrow(/OIDC_ISSUER/);
  expect(() => loadConfig({ PUBLIC_URL: 'desk.example.com' })).toThrow(/PUBLIC_URL/);
});

test('an issuer over plain http is refused unless it runs on this machine', () => {
  const base = { ...oidc, PUBLIC_URL: 'https://desk.example.com' };
  expect(() => loadConfig({ ...base, OIDC_ISSUER: 'http://login.example.com/realms/staff' })).toThrow(/OIDC_ISSUER: OIDC_ISSUER must be an https URL/);
  for (const local of ['http://localhost:8080/realms/staff', 'http://127.0.0.1:8080', 'http://[::1]:8080']) {
    expect(signInSettings(loadConfig({ ...base, OIDC_ISSUER: local }))?.issuer).toBe(local);
  }
});
