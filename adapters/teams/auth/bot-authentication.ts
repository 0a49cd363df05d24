import { CallerIdConstants, type Activity } from 'botbuilder';
import {
  AuthenticationConfiguration, AuthenticationConstants, AuthenticationError, BotFrameworkAuthentication,
  BotFrameworkAuthenticationFactory, JwtTokenProviderFactory, ManagedIdentityServiceClientCredentialsFactory,
  type AuthenticateRequestResult, type ClaimsIdentity, type ConnectorFactory, type ServiceClientCredentialsFactory,
  type UserTokenClient,
} from 'botframework-connector';
import type { TeamsBotCredentials, TeamsEndpoints } from '../teams-channel-deps.js';
import { createChannelTokenCheck } from './channel-token-check.js';
import { ClientSecretCredentialsFactory } from './client-secret-credentials.js';

/**
 * Bot Framework authentication for the Teams channel (Bot Framework "Authenticate requests from the Bot Connector
 * service to your bot"): every inbound request's JWT must be signed by a key from the channel's OpenID metadata
 * (endorsed for the activity's channel), be unexpired, carry the channel issuer, have the bot's app id as audience,
 * and a `serviceurl` claim equal to the activity's serviceUrl. With no app id, authentication is disabled (a token
 * sent anyway is still checked). Only channel tokens are accepted: not the Bot Framework Emulator's (use the
 * unauthenticated development mode for the Emulator).
 * @throws AssertionError from botbuilder when a `UserAssignedMSI` bot lacks its tenant id
 */
export function createBotAuthentication(credentials: TeamsBotCredentials, endpoints: TeamsEndpoints = {}): BotFrameworkAuthentication {
  const openIdMetadataUrl = endpoints.toBotFromChannelOpenIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl;
  const issuer = endpoints.toBotFromChannelTokenIssuer ?? AuthenticationConstants.ToBotFromChannelTokenIssuer;
  const inner = BotFrameworkAuthenticationFactory.create(
    '',
    true,
    endpoints.toChannelFromBotLoginUrl ?? AuthenticationConstants.ToChannelFromBotLoginUrl,
    AuthenticationConstants.ToChannelFromBotOAuthScope,
    issuer,
    AuthenticationConstants.OAuthUrl,
    openIdMetadataUrl,
    AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerIdConstants.PublicAzureChannel,
    credentialsFactory(credentials),
    new AuthenticationConfiguration(),
  );
  return new StrictBotAuthentication(inner, createChannelTokenCheck({ openIdMetadataUrl, issuer }));
}

function credentialsFactory(credentials: TeamsBotCredentials): ServiceClientCredentialsFactory {
  const appId = credentials.appId ?? '';
  if (appId && credentials.appType?.toLowerCase() === 'userassignedmsi') {
    return new ManagedIdentityServiceClientCredentialsFactory(appId, new JwtTokenProviderFactory());
  }
  const singleTenant = credentials.appType?.toLowerCase() === 'singletenant';
  return new ClientSecretCredentialsFactory(appId, credentials.appPassword ?? '', singleTenant ? credentials.tenantId : undefined);
}

/** Errors of the JWT library: the token itself is bad (signature, format, not yet valid). */
const tokenErrors = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * botbuilder answers 401 only for its own AuthenticationError; a token with a bad signature surfaces as the JWT
 * library's error and would become a 500 (which makes the channel retry a forged request). This wrapper turns every
 * token failure into a 401, and an unreachable OpenID endpoint (botbuilder's AuthenticationError with status 500)
 * into a plain 500 so the channel retries later instead of taking it for a rejected token. A present token is first
 * checked by `checkToken` (see channel-token-check.ts), so botbuilder never sees the tokens it would print.
 */
class StrictBotAuthentication extends BotFrameworkAuthentication {
  constructor(private readonly inner: BotFrameworkAuthentication, private readonly checkToken: (authHeader: string) => Promise<void>) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      if (authHeader.trim()) await this.checkToken(authHeader);
      return await this.inner.authenticateRequest(activity, authHeader);
    } catch (err) {
      throw classify(err);
    }
  }

  authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.inner.createConnectorFactory(claimsIdentity);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.inner.createUserTokenClient(claimsIdentity);
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }
}

function classify(err: unknown): Error {
  if (err instanceof AuthenticationError) {
    return err.statusCode >= 500 ? new Error(err.message, { cause: err }) : err;
  }
  if (err instanceof Error && tokenErrors.has(err.name)) return new AuthenticationError(`Unauthorized. ${err.message}`, 401);
  return err instanceof Error ? err : new Error(String(err));
}
