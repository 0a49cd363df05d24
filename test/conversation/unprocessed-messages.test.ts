import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPipelineHarness, replyText, type PipelineHarness } from '../support/pipeline-harness.js';

let h: PipelineHarness;
beforeAll(async () => { h = await createPipelineHarness(); });
afterAll(async () => { await h?.close(); });

test('a message whose employee cannot be resolved is still kept (redacted), answered once, and not run again on redelivery', async () => {
  // Break identity resolution for real: without its table, neither the turn nor the failed-turn path can find the employee.
  await h.db.prisma.$executeRawUnsafe('ALTER TABLE "ChannelIdentity" RENAME TO "ChannelIdentity_away"');
  try {
    const message = {
      channel: 'web' as const, eventId: 'unresolvable-1', conversation: { externalId: 'conv-unresolvable' },
      sender: { externalId: 'U-unresolvable' }, text: 'vpn is down, my password is Hunter2!secret',
    };
    const first = await h.handle(message);
    expect(first.duplicate).toBe(false);
    expect(replyText(first)).toMatch(/something went wrong/i);
    const kept = await h.db.prisma.unprocessedMessage.findMany();
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ channel: 'web', eventId: 'unresolvable-1', conversationExternalId: 'conv-unresolvable', senderExternalId: 'U-unresolvable' });
    expect(kept[0]!.text).toContain('vpn is down');
    expect(kept[0]!.text).not.toContain('Hunter2');
    expect(kept[0]!.error).toMatch(/ChannelIdentity/);

    const again = await h.handle(message);
    expect(again.duplicate).toBe(true);
    expect(again.replies).toEqual([]);
    expect(await h.db.prisma.unprocessedMessage.count()).toBe(1);
  } finally {
    await h.db.prisma.$executeRawUnsafe('ALTER TABLE "ChannelIdentity_away" RENAME TO "ChannelIdentity"');
  }
});
