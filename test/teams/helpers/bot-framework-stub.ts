import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

/** One request the stand-in received. */
export interface RecordedCall {
  method: string;
  /** Decoded path, e.g. `/v3/conversations/19:abc@thread.tacv2;messageid=1/activities/1`. */
  path: string;
  /** The path as sent (percent-encoded), for checks of the wire format. */
  rawPath: string;
  authorization?: string;
  body: Record<string, unknown>;
  /** performance.now() when the request arrived. */
  at: number;
}

/** A scripted failure: the next `times` requests matching `method` and `pathPrefix` get `status` (and Retry-After). */
export interface Fault {
  method: string;
  pathPrefix: string;
  status: number;
  retryAfterSeconds?: number;
  times: number;
}

/** A member as `GET /v3/conversations/{id}/members/{userId}` answers (TeamsChannelAccount). */
export interface StubMember {
  id: string;
  name?: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
}

/**
 * A local stand-in for Microsoft's side of Bot Framework, speaking its wire format:
 * - the Bot Connector (`POST /v3/conversations/{id}/activities[/{replyToId}]`, `PUT …/activities/{id}`,
 *   `GET …/members/{userId}`), answering with activity ids and recording every call;
 * - the channel's OpenID configuration and JWKS (`/openid/.well-known/openid-configuration`, `/openid/keys`, the key
 *   endorsed for `msteams`), and a way to mint channel → bot tokens with that key;
 * - the Entra token endpoint (`POST /botframework.com/oauth2/v2.0/token`, client credentials grant).
 */
export interface BotFrameworkStub {
  url: string;
  /** The connector base URL to put in activities' serviceUrl. */
  serviceUrl: string;
  openIdMetadataUrl: string;
  loginUrl: string;
  issuer: string;
  calls: RecordedCall[];
  tokenRequests: Array<Record<string, string>>;
  members: Map<string, StubMember>;
  faults: Fault[];
  /** Called for every recorded connector call as it arrives. */
  onCall?: (call: RecordedCall) => void;
  /** Calls to the connector that post or update activities (not member lookups). */
  activityCalls(): RecordedCall[];
  /** Mint a channel → bot token; `claims` and `options` override the valid defaults. */
  mintToken(appId: string, serviceUrl: string, options?: MintOptions): Promise<string>;
  close(): Promise<void>;
}

export interface MintOptions {
  issuer?: string;
  audience?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  serviceUrl?: string;
  /** Sign with a key that is not in the JWKS (but under the same kid). */
  foreignKey?: boolean;
}

const issuer = 'https://api.botframework.com';

export async function startBotFrameworkStub(): Promise<BotFrameworkStub> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const foreign = await generateKeyPair('RS256');
  const kid = `stub-${Date.now()}`;
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  let nextId = 1000;
  const stub = {} as BotFrameworkStub;
  const server: Server = createServer((req, res) => {
    readBody(req).then((body) => route(stub, req, res, body, jwk), (err: unknown) => { res.statusCode = 500; res.end(String(err)); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.assign(stub, {
    url,
    serviceUrl: `${url}/amer/`,
    openIdMetadataUrl: `${url}/openid/.well-known/openid-configuration`,
    loginUrl: `${url}/botframework.com`,
    issuer,
    calls: [],
    tokenRequests: [],
    members: new Map(),
    faults: [],
    nextId: () => String(nextId++),
    activityCalls: () => stub.calls.filter((c) => !c.path.includes('/members/')),
    async mintToken(appId: string, serviceUrl: string, options: MintOptions = {}) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ serviceurl: options.serviceUrl ?? serviceUrl })
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
        .setIssuer(options.issuer ?? issuer)
        .setAudience(options.audience ?? appId)
        .setNotBefore(now - 60)
        .setExpirationTime(now + (options.expiresIn ?? 3600))
        .sign(options.foreignKey ? foreign.privateKey : privateKey);
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  });
  return stub;
}

function route(stub: BotFrameworkStub, req: IncomingMessage, res: ServerResponse, body: string, jwk: JWK): void {
  const rawPath = (req.url ?? '/').split('?')[0]!;
  const path = decodeURIComponent(rawPath);
  const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(value));
  };
  if (path === '/openid/.well-known/openid-configuration') return json(200, { issuer, jwks_uri: `${stub.url}/openid/keys`, id_token_signing_alg_values_supported: ['RS256'] });
  if (path === '/openid/keys') return json(200, { keys: [{ ...jwk, endorsements: ['msteams'] }] });
  if (req.method === 'POST' && path.endsWith('/oauth2/v2.0/token')) {
    stub.tokenRequests.push(Object.fromEntries(new URLSearchParams(body)));
    return json(200, { token_type: 'Bearer', expires_in: 3599, access_token: 'stub-connector-token' });
  }
  const fault = stub.faults.find((f) => f.times > 0 && f.method === req.method && path.includes(f.pathPrefix));
  const parsed = body ? (JSON.parse(body) as Record<string, unknown>) : {};
  const call: RecordedCall = { method: req.method ?? 'GET', path, rawPath, authorization: req.headers.authorization, body: parsed, at: performance.now() };
  stub.calls.push(call);
  stub.onCall?.(call);
  if (fault) {
    fault.times -= 1;
    return json(fault.status, { error: { code: 'Throttled', message: 'stub fault' } }, fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {});
  }
  const member = /\/v3\/conversations\/[^/]+\/members\/([^/]+)$/.exec(path);
  if (req.method === 'GET' && member) {
    const found = stub.members.get(member[1]!);
    return found ? json(200, found) : json(404, { error: { code: 'MemberNotFound', message: 'no such member' } });
  }
  if (/^\/amer\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/.test(path) && (req.method === 'POST' || req.method === 'PUT')) {
    const id = req.method === 'PUT' ? path.split('/').pop()! : (stub as unknown as { nextId(): string }).nextId();
    return json(200, { id });
  }
  json(404, { error: { code: 'NotFound', message: `stub has no ${req.method} ${path}` } });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
