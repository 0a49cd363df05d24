/** The web channel: Bot Framework Direct Line 3.0 for Web Chat, plus deskbot's stock chat page. */
export { registerWebChannel } from './register-web-channel.js';
export type { WebChannel } from './register-web-channel.js';
export { createWebChannelAdapter } from './web-channel-adapter.js';
export { createStreamHub } from './stream-hub.js';
export type { StreamHub } from './stream-hub.js';
export type { WebChannelDeps, WebLogger } from './web-channel-deps.js';
export type { RateLimit, RateLimitRedis } from './rate-limits.js';
export type { ErrorBody } from './http-error.js';
export type { SignInOptions } from './sign-in/oidc-relying-party.js';
