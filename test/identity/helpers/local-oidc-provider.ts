import { createServer, type Server } from 'node:http';
import Provider from 'oidc-provider';

/** An employee the local provider knows; `login` is what they type on its login page (any password works). */
export interface ProviderAccount {
  login: string;
  name: string;
  email: string;
  emailVerified?: boolean;
}

/** A real OpenID Provider (oidc-provider, dev login and consent pages) on 127.0.0.1, standing in for the company's IdP. */
export interface LocalOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Token endpoint requests seen, as grant types: proves the code was redeemed server-side. */
  grants: string[];
  /** Provider sessions ended through its end-session endpoint (RP-Initiated Logout). */
  endedSessions: number;
  close(): Promise<void>;
}

/**
 * Start the provider with one confidential client whose only redirect URI is `redirectUri`, and whose only
 * post-logout redirect URI is `signed-out` beside it (deskbot's default).
 */
export async function startLocalOidcProvider(redirectUri: string, accounts: ProviderAccount[]): Promise<LocalOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const clientId = 'deskbot-test';
  const clientSecret = 'deskbot-test-client-secret-0123456789';
  const byLogin = new Map(accounts.map((a) => [a.login, a]));
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], post_logout_redirect_uris: [new URL('signed-out', redirectUri).href], response_types: ['code'], grant_types: ['authorization_code'] }],
    claims: { email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['local-oidc-provider-cookie-key'] },
    pkce: { required: () => true },
    async findAccount(_ctx, sub) {
      const account = byLogin.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, name: account.name, email: account.email, email_verified: account.emailVerified ?? true };
        },
      };
    },
  });
  const grants: string[] = [];
  provider.on('grant.success', (ctx) => grants.push(String(ctx.oidc.params?.grant_type)));
  const local: LocalOidcProvider = {
    issuer, clientId, clientSecret, grants, endedSessions: 0,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
  provider.on('end_session.success', () => { local.endedSessions += 1; });
  server.on('request', provider.callback());
  return local;
}
