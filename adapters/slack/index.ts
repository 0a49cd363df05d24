/** The Slack channel: Events API (or Socket Mode) in, Block Kit out, and the agent channel for escalations. */
export { registerSlackChannel } from './register-slack-channel.js';
export type { SlackChannel } from './register-slack-channel.js';
export type { SlackChannelDeps, SlackLogger } from './slack-channel-deps.js';
export { conversationFor } from './conversation-key.js';
export type { SlackReference } from './conversation-key.js';
