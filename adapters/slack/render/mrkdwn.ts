/**
 * Text conversions between deskbot and Slack's `mrkdwn` (Slack docs, "Formatting text for app surfaces"): Slack
 * reserves `&`, `<` and `>`, writes bold with single asterisks and links as `<url|label>`.
 */

/** Escape `&`, `<`, `>` so that text shows as typed and cannot ping @channel or forge links. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * deskbot's Markdown (knowledge articles, replies) as mrkdwn: `**bold**` → `*bold*`, `[label](url)` → `<url|label>`,
 * headings → bold lines, `-`/`*` list items → `•`, `> ` quotes kept. Italics and code spans are written alike in both.
 */
export function markdownToMrkdwn(markdown: string): string {
  return escapeMrkdwn(markdown)
    .replace(/^&gt; ?/gm, '> ')
    .replace(/^(\s*)[-*]\s+/gm, '$1• ')
    .replace(/^#{1,6}\s+(.+)$/gm, '*$1*')
    .replace(/\*\*(.+?)\*\*/g, '*$1*')
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g, '<$2|$1>');
}

/**
 * What a person typed in Slack, as plain text: the bot's own mention removed, other mentions and channel links as
 * `@name` / `#name`, links as `label (url)`, and Slack's escapes undone.
 * @param botUserId the bot's user id, whose mentions are dropped (a mention is how one talks to the bot in a channel)
 */
export function slackTextToPlain(text: string, botUserId?: string): string {
  let plain = botUserId ? text.split(`<@${botUserId}>`).join(' ') : text;
  plain = plain
    .replace(/<@([A-Z0-9]+)\|([^>]+)>/g, '@$2')
    .replace(/<@([A-Z0-9]+)>/g, '@$1')
    .replace(/<#([A-Z0-9]+)\|([^>]*)>/g, (_, id: string, name: string) => `#${name || id}`)
    .replace(/<!subteam\^[A-Z0-9]+\|([^>]+)>/g, '$1')
    .replace(/<!(here|channel|everyone)(\|[^>]*)?>/g, '@$1')
    .replace(/<([^|>]+)\|([^>]+)>/g, (_, url: string, label: string) => (url.replace(/^mailto:/, '') === label ? label : `${label} (${url})`))
    .replace(/<([^>]+)>/g, '$1');
  return plain.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/[ \t]{2,}/g, ' ').trim();
}

/** True when the text mentions the bot (`<@U123>`). */
export function mentionsBot(text: string, botUserId: string | undefined): boolean {
  return Boolean(botUserId) && text.includes(`<@${botUserId}>`);
}

/** Slack's date token: shown in each reader's own time zone, with a UTC fallback for clients that cannot. */
export function slackDate(iso: string): string {
  const unix = Math.floor(Date.parse(iso) / 1000);
  return `<!date^${unix}^{date_short_pretty} {time}|${iso.slice(0, 16).replace('T', ' ')} UTC>`;
}
