/**
 * The Microsoft Teams channel (Bot Framework via botbuilder's CloudAdapter). Everything botbuilder-specific stays in
 * this folder, so moving to the Microsoft 365 Agents SDK later touches nothing else.
 */
export { registerTeamsChannel } from './register-teams-channel.js';
export type { TeamsChannel } from './register-teams-channel.js';
export type { TeamsBotCredentials, TeamsChannelDeps, TeamsEndpoints, TeamsLogger } from './teams-channel-deps.js';
export { globalTeamsServiceUrl } from './service-url-memory.js';
