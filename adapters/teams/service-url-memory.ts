/**
 * Where to reach the Bot Connector for proactive posts that answer no activity (the agent channel). Every inbound
 * activity carries the connector's `serviceUrl` for its tenant and region; the latest one wins, and until one came
 * the configured default (the global Teams endpoint) is used.
 */
export interface ServiceUrlMemory {
  learn(serviceUrl: string, tenantId: string): void;
  current(): { serviceUrl: string; tenantId?: string };
}

/** Microsoft's global Teams connector endpoint, valid for proactive messages in the public cloud. */
export const globalTeamsServiceUrl = 'https://smba.trafficmanager.net/teams/';

export function createServiceUrlMemory(defaultServiceUrl = globalTeamsServiceUrl, defaultTenantId?: string): ServiceUrlMemory {
  let latest: { serviceUrl: string; tenantId?: string } = { serviceUrl: defaultServiceUrl, ...(defaultTenantId ? { tenantId: defaultTenantId } : {}) };
  return {
    learn(serviceUrl, tenantId) {
      latest = { serviceUrl, ...(tenantId ? { tenantId } : latest.tenantId ? { tenantId: latest.tenantId } : {}) };
    },
    current: () => latest,
  };
}
