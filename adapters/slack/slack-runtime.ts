import type { App } from '@slack/bolt';
import { createLruCache, createSlots, type LruCache } from '../../src/core/index.js';
import type { AckWatch } from './ack-watch.js';
import { createArrivalOrder, type ArrivalOrder } from './inbound/arrival-order.js';
import { markDeliveryFailed } from './journal/delivery-outcome.js';
import { createOutboundQueue, type OutboundQueue } from './outbound-queue.js';
import type { SlackChannelDeps } from './slack-channel-deps.js';
import { createSlackIdentities, type SlackIdentities } from './slack-identities.js';

/** What every Slack listener shares: the Web API client, the outbound queue, identities and the work in flight. */
export interface SlackRuntime {
  deps: SlackChannelDeps;
  client: App['client'];
  outbound: OutboundQueue;
  identities: SlackIdentities;
  /**
   * Conversation external ids deskbot holds, with the Slack user ids of their employee, remembered so channel thread
   * messages rarely need the database. The employee of a conversation never changes.
   */
  knownConversations: LruCache<string[]>;
  /** Employee messages per conversation in delivery order, up to the start of their turns (inbound/arrival-order.ts). */
  arrivals: ArrivalOrder;
  /**
   * Run work after Slack's ack; errors are logged, never thrown, and keep the delivery's journal row for a replay
   * (journal/delivery-outcome.ts); `drain` waits for it.
   */
  track(what: string, work: () => Promise<unknown>): Promise<void>;
  /** Wait for the work in flight and the outbound queue, at most `timeoutMs`. */
  drain(timeoutMs: number): Promise<void>;
}

/**
 * Build the runtime around a Bolt app's Web API client. At most `deps.concurrency` pieces of work run at once and each
 * starts once no delivery waits for its acknowledgement (`acks`): a burst of events is acknowledged first and worked
 * through after, rather than every ack waiting behind every turn.
 */
export function createSlackRuntime(deps: SlackChannelDeps, client: App['client'], acks?: AckWatch): SlackRuntime {
  const inFlight = new Set<Promise<void>>();
  const outbound = createOutboundQueue({ paceMs: deps.paceMs ?? 1000, logger: deps.logger });
  const slots = createSlots(deps.concurrency ?? 10);
  return {
    deps,
    client,
    outbound,
    identities: createSlackIdentities(client, deps.logger, deps.identityCache),
    knownConversations: createLruCache<string[]>(10_000, 24 * 60 * 60_000),
    arrivals: createArrivalOrder(),
    track(what, work) {
      const run = slots.run(async () => {
        await acks?.quiet();
        return work();
      }).then(() => undefined, (err: unknown) => {
        markDeliveryFailed();
        deps.logger.error({ err, what }, 'Slack work failed');
      });
      inFlight.add(run);
      void run.finally(() => inFlight.delete(run));
      return run;
    },
    async drain(timeoutMs) {
      const all = (async () => {
        while (inFlight.size) await Promise.allSettled([...inFlight]);
        await outbound.drain();
      })();
      await Promise.race([all, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
    },
  };
}
