import type { DeliveryLog } from '../../src/core/index.js';

/**
 * A {@link DeliveryLog} in memory, for adapter tests that run without a database (one instance, no restarts). Tests of
 * de-duplication across instances use the real one (`createInboundEventLog`) on a test database instead.
 */
export function createMemoryDeliveryLog(): DeliveryLog & { keys: Set<string> } {
  const keys = new Set<string>();
  return {
    keys,
    async first(channel, key) {
      const k = `${channel}|${key}`;
      if (keys.has(k)) return false;
      keys.add(k);
      return true;
    },
  };
}
