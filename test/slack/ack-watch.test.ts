import type { App } from '@slack/bolt';
import { expect, test } from 'vitest';
import { watchAcks } from '../../adapters/slack/ack-watch.js';

type Delivery = Parameters<App['processEvent']>[0];

/** A stand-in for Bolt's processEvent: each delivery is held until the test acks and/or finishes it. */
function fakeBolt() {
  const held: Array<{ event: Delivery; finish(): void }> = [];
  const bolt = {
    processEvent: (event: Delivery) => new Promise<void>((resolve) => { held.push({ event, finish: resolve }); }),
  } as unknown as App;
  return { bolt, held };
}

const delivery = (acks: string[], name: string): Delivery => ({ body: { name }, ack: async () => { acks.push(name); } });

test('quiet waits for every delivery to be acknowledged (or finished without one); the real ack still goes out', async () => {
  const { bolt, held } = fakeBolt();
  const acks = watchAcks(bolt);
  const sent: string[] = [];
  void bolt.processEvent(delivery(sent, 'a'));
  void bolt.processEvent(delivery(sent, 'b'));
  expect(acks.pending).toBe(2);
  let quiet = false;
  void acks.quiet(10_000).then(() => { quiet = true; });
  await held[0]!.event.ack();
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(quiet).toBe(false);
  held[1]!.finish(); // processed without an ack (Bolt answers nothing): no longer waited for
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(quiet).toBe(true);
  expect(acks.pending).toBe(0);
  expect(sent).toEqual(['a']);
  held[0]!.finish();
  await new Promise((resolve) => setImmediate(resolve));
  expect(acks.pending).toBe(0);
});

test('a delivery that never gets acknowledged holds work back for maxWaitMs at most', async () => {
  const { bolt } = fakeBolt();
  const acks = watchAcks(bolt);
  void bolt.processEvent(delivery([], 'stuck'));
  const started = Date.now();
  await acks.quiet(80);
  expect(Date.now() - started).toBeGreaterThanOrEqual(75);
  expect(acks.pending).toBe(1);
});
