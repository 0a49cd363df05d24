import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKbSearch } from '../../src/cli/kb.js';
import { createKnowledgeIndex } from '../../src/knowledge/create-knowledge-index.js';

let dir: string;
let docsFile: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'deskbot-kb-cli-'));
  docsFile = path.join(dir, 'docs.jsonl');
  const lines = [
    { doc_id: 'd-epub', text: 'Use calibre to open .epub e-books: sudo apt-get install calibre' },
    { doc_id: 'd-shutdown', question: 'How do I shut down from the terminal?', answer: 'Run sudo poweroff or shutdown -h now.' },
    { doc_id: 'd-gmail', text: 'Create a Gmail filter that deletes spam from a sender.' },
  ];
  await writeFile(docsFile, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(options: Parameters<typeof runKbSearch>[0], input: string, index = null as Parameters<typeof runKbSearch>[3]) {
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  const result = await runKbSearch(options, Readable.from([input]), output, index);
  return { result, lines: chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('runKbSearch', () => {
  it('builds the index from --docs alone and answers with doc ids', async () => {
    const { result, lines } = await run({ docs: docsFile, k: 2 }, '{"query":"view epub books"}\n{"query":"shutdown command"}\n');
    expect(result.count).toBe(2);
    expect(lines[0]).toMatchObject({ query: 'view epub books' });
    const hits = lines.map((l) => l.hits as Array<{ id: string; score: number }>);
    expect(hits[0]![0]!.id).toBe('d-epub');
    expect(hits[1]![0]!.id).toBe('d-shutdown');
    expect(hits[0]!.length).toBeLessThanOrEqual(2);
    expect(typeof hits[0]![0]!.score).toBe('number');
  });

  it('writes an error line for a bad line and carries on', async () => {
    const { lines } = await run({ docs: docsFile }, 'not json\n{"q":"x"}\n\n{"query":"gmail spam filter"}\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toHaveProperty('error');
    expect(lines[1]).toHaveProperty('error');
    expect((lines[2]!.hits as Array<{ id: string }>)[0]!.id).toBe('d-gmail');
  });

  it('without --docs searches the given index and answers with slugs', async () => {
    const index = createKnowledgeIndex([
      { id: 'uuid-1', slug: 'connect-to-the-vpn', title: 'Connect to the VPN', body: 'Open the VPN client.', tags: [], intents: [] },
    ]);
    const { lines } = await run({}, '{"query":"vpn"}\n', index);
    expect(lines[0]!.hits).toEqual([{ id: 'connect-to-the-vpn', score: expect.any(Number) }]);
  });

  it('refuses to run with neither --docs nor an index', async () => {
    await expect(run({}, '{"query":"vpn"}\n', null)).rejects.toThrow(/no knowledge index/);
  });
});
