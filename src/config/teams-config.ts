import { z } from 'zod';
import { optionalString, type ConfigProblem } from './config-fields.js';

/** Microsoft Teams (adapters/teams), under Bot Framework's standard variable names. */
export const teamsSchema = z.object({
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  /** `MultiTenant`, `SingleTenant` or `UserAssignedMSI`. */
  MicrosoftAppType: optionalString,
  MicrosoftAppTenantId: optionalString,
  /** `true` runs the Teams adapter without an app id: unauthenticated activities, for local development only. */
  TEAMS_ENABLED: z.stringbool().default(false),
  /** Channel conversation id (`19:…@thread.tacv2`) where escalation cards are posted. */
  TEAMS_AGENT_CHANNEL: optionalString,
  /** Bot Framework endpoints, botbuilder's names; Azure public cloud when unset (sovereign clouds, local tests). */
  ToBotFromChannelOpenIdMetadataUrl: optionalString,
  ToBotFromChannelTokenIssuer: optionalString,
  ToChannelFromBotLoginUrl: optionalString,
});

/** Bot Framework's MicrosoftAppType values (botbuilder compares them without regard to case). */
const appTypes = ['multitenant', 'singletenant', 'userassignedmsi'];

/**
 * Teams settings that cannot work together, following botbuilder's credential rules: an app id needs its password
 * (a user-assigned managed identity has none), SingleTenant and UserAssignedMSI need the tenant id.
 * @returns [variable, message] pairs; empty when the settings fit
 */
export function teamsProblems(c: z.infer<typeof teamsSchema>): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const appType = c.MicrosoftAppType?.toLowerCase();
  if (appType && !appTypes.includes(appType)) problems.push(['MicrosoftAppType', 'MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI']);
  if (c.MicrosoftAppId && !c.MicrosoftAppPassword && appType !== 'userassignedmsi') {
    problems.push(['MicrosoftAppPassword', 'MicrosoftAppId needs MicrosoftAppPassword (the Azure Bot\'s client secret)']);
  }
  if ((appType === 'singletenant' || appType === 'userassignedmsi') && !c.MicrosoftAppTenantId) {
    problems.push(['MicrosoftAppTenantId', `MicrosoftAppType=${c.MicrosoftAppType} needs MicrosoftAppTenantId`]);
  }
  if (c.TEAMS_AGENT_CHANNEL && !c.MicrosoftAppId && !c.TEAMS_ENABLED) {
    problems.push(['TEAMS_AGENT_CHANNEL', 'TEAMS_AGENT_CHANNEL needs the Teams channel on (MicrosoftAppId, or TEAMS_ENABLED=true)']);
  }
  return problems;
}
