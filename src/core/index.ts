/** The core's public types: the only things adapters may import. */
export type * from './message.js';
export type * from './reply.js';
export type * from './adapter.js';
export { DeskbotError, asDeskbotError } from './errors.js';
export type { DeskbotErrorCode } from './errors.js';
export type * from './transcript-store.js';
export type * from './agent-desk.js';
export type * from './agent-channel.js';
export type * from './ticket-directory.js';
export type * from './delivery-log.js';
export type * from './field-logger.js';
export type * from './inbound-journal.js';
export { createSlots } from './slots.js';
export type { Slots } from './slots.js';
export { createLruCache } from './lru-cache.js';
export type { LruCache } from './lru-cache.js';
export { createKeyedLine } from './keyed-line.js';
export type { KeyedLine } from './keyed-line.js';
