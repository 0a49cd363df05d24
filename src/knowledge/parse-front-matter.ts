/** Front matter values: strings, or string lists written `[a, b]` or as `- item` lines. */
export type FrontMatter = Record<string, string | string[]>;

/**
 * Split a Markdown file into YAML-ish front matter and body. Understands `key: value`, `key: [a, "b"]` and a `key:` line
 * followed by `- item` lines; anything else in the block is ignored (not a YAML parser).
 * @returns `data` is {} and `body` the whole text when the file does not start with a `---` line
 */
export function parseFrontMatter(text: string): { data: FrontMatter; body: string } {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(normalized);
  if (!match) return { data: {}, body: normalized };
  const data: FrontMatter = {};
  let listKey: string | null = null;
  for (const line of match[1]!.split('\n')) {
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (item && listKey) {
      (data[listKey] as string[]).push(unquote(item[1]!));
      continue;
    }
    const pair = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!pair) continue;
    const [, key, raw] = pair as unknown as [string, string, string];
    listKey = null;
    if (raw.trim() === '') {
      data[key] = [];
      listKey = key;
    } else if (/^\[.*\]$/.test(raw.trim())) {
      data[key] = raw.trim().slice(1, -1).split(',').map(unquote).filter((v) => v !== '');
    } else {
      data[key] = unquote(raw);
    }
  }
  return { data, body: normalized.slice(match[0].length) };
}

function unquote(value: string): string {
  const trimmed = value.trim();
  return /^(['"]).*\1$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
}
