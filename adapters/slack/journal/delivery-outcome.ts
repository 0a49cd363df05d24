import { AsyncLocalStorage } from 'node:async_hooks';

/** How the work of one journaled delivery went: `failed` once any of its post-ack work threw. */
export interface DeliveryOutcome {
  failed: boolean;
}

const current = new AsyncLocalStorage<DeliveryOutcome>();

/**
 * Run `work` (Bolt's processing of one delivery) and tell how its listeners' work went. Listeners hand their work to
 * `SlackRuntime.track`, which logs errors rather than throwing them, so the outcome travels beside the work instead.
 */
export async function withDeliveryOutcome(work: () => Promise<void>): Promise<DeliveryOutcome> {
  const outcome: DeliveryOutcome = { failed: false };
  await current.run(outcome, work);
  return outcome;
}

/** Mark the delivery being processed (if any) as failed: its journal row is kept for a replay. */
export function markDeliveryFailed(): void {
  const outcome = current.getStore();
  if (outcome) outcome.failed = true;
}
