import { DeskbotError } from '../core/errors.js';
import { AdminError } from './admin-error.js';

/** The record a conditional edit missed, as {@link refuseMissingOrChanged} names it. */
export interface ConditionalRecord {
  /** How messages name it, e.g. `Article "vpn-help"`. */
  name: string;
  /** The message when it does not exist, e.g. `No article with slug "vpn-help".` */
  notFound: string;
  /** Reads its current version (`updatedAt`); null when it does not exist. */
  current: () => Promise<{ updatedAt: Date } | null>;
}

/**
 * Explain why a conditional edit (`updateMany`/`deleteMany` where `updatedAt` is the If-Match version) changed
 * nothing: the record is gone, or someone changed it since the caller read it (RFC 9110 §13.1.1).
 * Call only after such an edit matched no row.
 * @throws DeskbotError `not_found` when the record does not exist; AdminError `changed` (412) naming its current version
 */
export async function refuseMissingOrChanged(record: ConditionalRecord): Promise<never> {
  const row = await record.current();
  if (!row) throw new DeskbotError('not_found', record.notFound);
  throw new AdminError('changed', `${record.name} was changed by someone else at ${row.updatedAt.toISOString()}. Reload it and make your change again.`, 412);
}
