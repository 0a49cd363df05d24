import { expect, test } from 'vitest';
import { loadConfig, signInSettings } from '../../src/config/config.js';

const oidc = { OIDC_ISSUER: 'https://login.example.com/realms/staff', OIDC_CLIENT_ID: 'deskbot', OIDC_CLIENT_SECRET: 's3cret' };

test('sign-in is off without OIDC settings and on with all three plus a public or redirect URL', () => {
  expect(signInSettings(loadConfig({}))).toBeUndefined();
  expect(signInSettings(loadConfig({ ...oidc, PUBLIC_URL: 'https://desk.example.com/' }))).toEqual({
    issuer: oidc.OIDC_ISSUER, clientId: 'deskbot', clientSecret: 's3cret', redirectUrl: 'https://desk.example.com/auth/callback', scopes: 'openid profile email',
  });
  expect(signInSettings(loadConfig({ ...oidc, PUBLIC_URL: 'https://example.com/desk', OIDC_REDIRECT_URL: 'https://desk.example.com/auth/callback' }))?.redirectUrl)
    .toBe('https://desk.example.com/auth/callback');
  expect(signInSettings(loadConfig({ ...oidc, PUBLIC_URL: 'https://example.com/desk' }))?.redirectUrl).toBe('https://example.com/desk/auth/callback');
});

test('half-configured sign-in stops the bot with a message naming what is missing', () => {
  expect(() => loadConfig({ OIDC_ISSUER: oidc.OIDC_ISSUER })).toThrow(/OIDC_ISSUER: sign-in needs all of/);
  expect(() => loadConfig(oidc)).toThrow(/OIDC_REDIRECT_URL: sign-in needs OIDC_REDIRECT_URL or PUBLIC_URL/);
  expect(() => loadConfig({ ...oidc, OIDC_ISSUER: 'ftp://login.example.com', PUBLIC_URL: 'https://desk.example.com' })).toThrow(/OIDC_ISSUER/);
  expect(() => loadConfig({ PUBLIC_URL: 'desk.example.com' })).toThrow(/PUBLIC_URL/);
});
