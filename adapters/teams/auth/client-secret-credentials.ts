import {
  AppCredentials, AuthenticationConstants, MicrosoftAppCredentials, ServiceClientCredentialsFactory,
  type ServiceClientCredentials,
} from 'botframework-connector';
import { z } from 'zod';

/** The token endpoint's answer (RFC 6749 §5.1). */
const tokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });

/**
 * Bot → connector credentials by the OAuth 2.0 client credentials grant with the app's secret (Bot Framework:
 * "Authenticate requests from your bot to the Bot Connector service"). botbuilder's own factory goes through MSAL,
 * which only accepts https authorities on Microsoft's hosts; this one speaks the same grant to whatever authority
 * is configured, so sovereign clouds and a local test authority work alike. Tokens are cached by AppCredentials
 * (per app id and scope) until five minutes before they expire.
 */
export class ClientSecretCredentialsFactory extends ServiceClientCredentialsFactory {
  constructor(private readonly appId: string, private readonly secret: string, private readonly tenantId?: string) {
    super();
  }

  async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.appId;
  }

  async isAuthenticationDisabled(): Promise<boolean> {
    return !this.appId;
  }

  /** @throws Error when `appId` is not this bot's */
  async createCredentials(appId: string, audience: string | undefined, loginEndpoint: string): Promise<ServiceClientCredentials> {
    if (await this.isAuthenticationDisabled()) return MicrosoftAppCredentials.Empty;
    if (!(await this.isValidAppId(appId))) throw new Error('Invalid appId.');
    return new ClientSecretCredentials(appId, this.secret, authorityFor(loginEndpoint, this.tenantId), audience);
  }
}

// A SingleTenant bot gets its tokens from its own tenant, not from the shared botframework.com one.
function authorityFor(loginEndpoint: string, tenantId: string | undefined): string {
  const base = loginEndpoint.replace(/\/+$/, '');
  if (!tenantId) return base;
  return base.replace(new RegExp(`/${AuthenticationConstants.DefaultChannelAuthTenant}$`, 'i'), `/${tenantId}`);
}

class ClientSecretCredentials extends AppCredentials {
  constructor(appId: string, private readonly secret: string, private readonly authority: string, scope?: string) {
    super(appId, undefined, scope);
  }

  /** @throws Error naming the HTTP status when the authority refuses the secret */
  protected async refreshToken(): Promise<{ accessToken: string; expiresOn: Date }> {
    const scope = this.oAuthScope.endsWith('/.default') ? this.oAuthScope : `${this.oAuthScope}/.default`;
    const response = await fetch(`${this.authority}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: this.appId, client_secret: this.secret, scope }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`Bot Framework token request failed with HTTP ${response.status}`);
    const token = tokenResponse.parse(await response.json());
    return { accessToken: token.access_token, expiresOn: new Date(Date.now() + token.expires_in * 1000) };
  }
}
