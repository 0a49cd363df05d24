/** Adaptive Card building blocks (schema 1.4: Teams renders it on desktop, web and mobile, and it has Action.Execute). */

export type CardElement = Record<string, unknown>;

/** An Adaptive Card as Teams expects it in an attachment's `content`. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardElement[];
  msteams?: { width: 'Full' };
}

/** Content type of an Adaptive Card attachment and of a card in an invoke response. */
export const adaptiveCardType = 'application/vnd.microsoft.card.adaptive';

/** A card with full message width (Teams otherwise squeezes cards in channels). */
export function adaptiveCard(body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body,
    ...(actions.length ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

/** A wrapping TextBlock; `plain` escapes the Markdown Adaptive Cards would otherwise render (a person's own words). */
export function textBlock(text: string, options: { plain?: boolean; bold?: boolean; subtle?: boolean; size?: 'Medium' | 'Large' } = {}): CardElement {
  return {
    type: 'TextBlock',
    text: options.plain ? escapeMarkdown(text) : text,
    wrap: true,
    ...(options.bold ? { weight: 'Bolder' } : {}),
    ...(options.subtle ? { isSubtle: true } : {}),
    ...(options.size ? { size: options.size } : {}),
  };
}

/** A FactSet (label: value rows). */
export function factSet(facts: Array<[string, string]>): CardElement {
  return { type: 'FactSet', facts: facts.map(([title, value]) => ({ title, value })) };
}

/**
 * A time the reader sees in their own time zone: Adaptive Cards' DATE/TIME functions, which take RFC 3339 without
 * fractions. Anything unparsable is shown as given.
 */
export function localTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const t = new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `{{DATE(${t},SHORT)}} {{TIME(${t})}}`;
}

// Only what would turn into formatting: emphasis, links and code anywhere; lists, headings and quotes at a line start.
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]])/g, '\\$1').replace(/^(\s*)([-+#>]|\d+\.)/gm, '$1\\$2');
}
