/** A Teams `mention` entity (Bot Framework Mention: `mentioned` account, and the `<at>…</at>` markup as `text`). */
interface MentionEntity {
  type?: unknown;
  mentioned?: { id?: unknown; name?: unknown };
  text?: unknown;
}

/**
 * The words of a Teams message with every mention of the bot removed, wherever it sits: by the mention entity's
 * `text`, or — for entities without one — by `<at>name</at>` with the mentioned name (Teams wraps every mention in
 * `<at>` markup). Mentions of other people keep the person's name without the markup; whitespace is collapsed.
 * @param botId the activity's `recipient.id`; `botName` its `recipient.name`
 * @returns the text and whether the bot was mentioned
 */
export function removeBotMentions(text: string, entities: unknown, botId: string, botName?: string): { text: string; mentioned: boolean } {
  let out = text;
  let mentioned = false;
  const names = new Set<string>(botName ? [botName] : []);
  for (const entity of Array.isArray(entities) ? (entities as MentionEntity[]) : []) {
    if (entity?.type !== 'mention' || entity.mentioned?.id !== botId) continue;
    mentioned = true;
    if (typeof entity.text === 'string' && entity.text) out = out.split(entity.text).join(' ');
    if (typeof entity.mentioned.name === 'string') names.add(entity.mentioned.name);
  }
  for (const name of names) {
    const markup = new RegExp(`<at[^>]*>\\s*${escapeRegExp(name)}\\s*</at>`, 'gi');
    if (markup.test(out)) mentioned = true;
    out = out.replace(markup, ' ');
  }
  out = out.replace(/<at[^>]*>(.*?)<\/at>/gi, '$1');
  return { text: out.replace(/[ \t\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim(), mentioned };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
