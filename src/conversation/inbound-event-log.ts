import type { Db } from '../db/client.js';
import type { DeliveryLog } from '../core/delivery-log.js';
import { recordInboundEvent } from './record-inbound-event.js';

/**
 * The {@link DeliveryLog} adapters use for what they do outside the pipeline, on the pipeline's own InboundEvent table
 * (primary key channel + event id): of two instances recording the same delivery at once, exactly one insert wins.
 * Keys share the table with the pipeline's event ids, so adapters prefix theirs.
 */
export function createInboundEventLog(db: Db): DeliveryLog {
  return { first: (channel, key) => recordInboundEvent(db, channel, key) };
}
