import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runClassify } from '../../src/cli/classify.js';
import { loadSeedIntents } from '../../src/classification/load-seed-intents.js';

async function run(options: { train?: string }, lines: string[]): Promise<{ count: number; out: Array<Record<string, unknown>> }> {
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (c: Buffer) => chunks.push(c.toString()));
  const { count } = await runClassify(options, Readable.from([lines.join('\n') + '\n']), output, loadSeedIntents());
  const out = chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  return { count, out };
}

describe('runClassify', () => {
  it('classifies JSON lines with the catalogue and reports bad lines without crashing', async () => {
    const { count, out } = await run({}, ['{"text":"outlook not syncing"}', 'not json', '', '{"nope":1}', '{"text":"hello"}']);
    expect(count).toBe(4);
    expect(out[0]).toMatchObject({ text: 'outlook not syncing', kind: 'incident', intent: 'email_problem' });
    expect(out[0]!.confidence).toBeGreaterThan(0.5);
    expect(out[1]).toMatchObject({ line: 2 });
    expect(typeof out[1]!.error).toBe('string');
    expect(out[2]!.error).toBeDefined();
    expect(out[3]).toMatchObject({ kind: 'greeting' });
  });

  it('with --train classifies with a model trained on that file only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'classify-'));
    const train = join(dir, 'train.jsonl');
    const rows = [
      ...['red apple', 'green apple', 'apple pie', 'crunchy apple'].map((text) => ({ text, label: 'apple' })),
      ...['ripe banana', 'banana bread', 'yellow banana', 'banana split'].map((text) => ({ text, label: 'banana' })),
      ...['the weather today', 'tell me a joke', 'football scores'].map((text) => ({ text, label: 'None' })),
    ];
    await writeFile(train, rows.map((r) => JSON.stringify(r)).join('\n') + '\nbroken line\n');
    const { out } = await run({ train }, ['{"text":"an apple a day"}', '{"text":"banana milkshake"}', '{"text":"tell me a joke about football"}']);
    expect(out.map((o) => o.intent)).toEqual(['apple', 'banana', null]);
    expect(out.every((o) => o.kind === null)).toBe(true);
  });
});
