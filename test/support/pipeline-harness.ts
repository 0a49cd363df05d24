import { randomUUID } from 'node:crypto';
import pino from 'pino';
import type { InboundMessage } from '../../src/core/message.js';
import type { TurnResult } from '../../src/core/adapter.js';
import type { TurnServices } from '../../src/conversation/turn.js';
import { createPipeline } from '../../src/conversation/pipeline.js';
import { createServiceHolder } from '../../src/app/service-holder.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { seedIfEmpty } from '../../src/seed/seed-if-empty.js';
import { createTestDatabase, type TestDatabase } from './db.js';

/** A pipeline on a fresh, seeded PostgreSQL database, and a way to talk to it as an employee. */
export interface PipelineHarness {
  db: TestDatabase;
  services: TurnServices;
  handle(message: InboundMessage): Promise<TurnResult>;
  /** An employee in a conversation of their own; `say` sends text, `press` sends a button value. */
  employee(name?: string, options?: { verified?: boolean; email?: string }): TestEmployee;
  close(): Promise<void>;
}

export interface TestEmployee {
  id: string;
  conversationId: string;
  say(text: string, eventId?: string): Promise<TurnResult>;
  press(value: string): Promise<TurnResult>;
}

/** Build the harness. `overrides` replace turn services (e.g. thresholds) for every turn. */
export async function createPipelineHarness(overrides: Partial<TurnServices> = {}): Promise<PipelineHarness> {
  const db = await createTestDatabase();
  await seedIfEmpty(db.prisma);
  const holder = await createServiceHolder(db.prisma, { thresholds: { act: 0.6, confirm: 0.3 }, metrics: createMetrics() });
  const services = { ...holder.current(), ...overrides };
  const pipeline = createPipeline({ prisma: db.prisma, services: () => services, logger: pino({ level: 'silent' }) });
  return {
    db,
    services,
    handle: (m) => pipeline.handle(m),
    employee(name = 'Ada Lovelace', options = {}) {
      const id = `U${randomUUID().slice(0, 8)}`;
      const conversationId = `C-${randomUUID()}`;
      const base = { channel: 'web' as const, conversation: { externalId: conversationId }, sender: { externalId: id, name, ...options } };
      return {
        id,
        conversationId,
        say: (text, eventId = randomUUID()) => pipeline.handle({ ...base, eventId, text }),
        press: (value) => pipeline.handle({ ...base, eventId: randomUUID(), text: '', action: { value } }),
      };
    },
    close: () => db.drop(),
  };
}

/** All reply texts of a turn, joined, for assertions. */
export function replyText(result: TurnResult): string {
  return result.replies.map((r) => r.text).join('\n');
}

/** All button values offered in a turn. */
export function choiceValues(result: TurnResult): string[] {
  return result.replies.flatMap((r) => r.choices ?? []).map((c) => c.value);
}
