import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import type { ChannelAdapter } from '../../src/core/adapter.js';
import type { Reply } from '../../src/core/reply.js';
import type { PrismaClient } from '../../src/db/client.js';
import { openTicket } from '../../src/tickets/open-ticket.js';
import type { SlaPolicy } from '../../src/tickets/sla-policy.js';
import { createEscalationSystem, type EscalationSystem, type EscalationSystemDeps } from '../../src/escalation/index.js';

export const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const silent = pino({ level: 'silent' });

/** A ChannelAdapter that records what it was asked to send. */
export interface RecordingAdapter extends ChannelAdapter {
  sent: Array<{ reference: Record<string, unknown>; replies: Reply[] }>;
  texts(): string[];
}

export function recordingAdapter(channel: 'web' | 'slack' = 'web'): RecordingAdapter {
  const sent: RecordingAdapter['sent'] = [];
  return {
    channel,
    sent,
    async send(reference, replies) {
      sent.push({ reference, replies });
    },
    texts: () => sent.flatMap((s) => s.replies.map((r) => r.text)),
  };
}

/** A unique BullMQ queue name per test (BullMQ forbids `:`). */
export const queueName = () => `esc-test-${randomUUID()}`;

/** An escalation system on the test database with a recording web adapter, fast polling and LISTEN. */
export function testSystem(prisma: PrismaClient, databaseUrl: string, web: RecordingAdapter, extra: Partial<EscalationSystemDeps> = {}): EscalationSystem {
  return createEscalationSystem({
    prisma, redisUrl, databaseUrl, logger: silent, queueName: queueName(), pollMs: 50,
    channels: (c) => (c === web.channel ? web : undefined), ...extra,
  });
}

/** Stop the system and remove its queue from Redis. */
export async function closeSystem(system: EscalationSystem | undefined): Promise<void> {
  if (!system) return;
  await system.queue.obliterate({ force: true }).catch(() => undefined);
  await system.stop();
}

/** An employee, a web conversation with a Direct Line reference, and an open ticket in it. */
export async function seedTicket(prisma: PrismaClient, options: { group?: string; sla?: SlaPolicy; name?: string } = {}) {
  const employee = await prisma.employee.create({ data: { displayName: options.name ?? 'Ada Lovelace', email: `${randomUUID()}@example.com` } });
  const conversation = await prisma.conversation.create({
    data: { channel: 'web', externalId: `dl-${randomUUID()}`, employeeId: employee.id, reference: { conversationId: `dl-${randomUUID()}` } },
  });
  const { ticket } = await openTicket(prisma, {
    kind: 'incident', intent: null, title: 'VPN drops every hour', description: 'VPN drops every hour', impact: 2, urgency: 2,
    requesterId: employee.id, conversationId: conversation.id, assignmentGroup: options.group ?? 'Network', slaPolicy: options.sla,
  });
  return { employee, conversation, ticket };
}

/** Poll `check` until it returns a truthy value; throws after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T>, timeoutMs = 10_000, what = 'condition'): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** SLA targets in minutes small enough for tests: a response due `responseMs` after the ticket opens. */
export function fastSla(responseMs: number): SlaPolicy {
  const t = { responseMinutes: responseMs / 60_000, resolutionMinutes: 60 };
  return { 1: t, 2: t, 3: t, 4: t };
}
