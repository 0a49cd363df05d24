import type { types } from '@slack/bolt';

/** Block Kit limits (Slack docs, "Block Kit reference") that deskbot's content can reach. */
export const limits = {
  sectionText: 3000,
  buttonText: 75,
  buttonValue: 2000,
  blocksPerMessage: 50,
  elementsPerActions: 25,
  fallbackText: 3000,
} as const;

/** Cut text to `max` characters, ending with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A `mrkdwn` text object. */
export function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text };
}

/** A `plain_text` text object (emoji shortcodes shown as emoji). */
export function plain(text: string, max: number = limits.sectionText): types.PlainTextElement {
  return { type: 'plain_text', text: clip(text, max), emoji: true };
}

/** Section blocks for a long mrkdwn text, split at line breaks to stay under the section limit. */
export function textSections(text: string): types.SectionBlock[] {
  const sections: types.SectionBlock[] = [];
  let rest = text;
  while (rest.length > limits.sectionText) {
    const cut = rest.lastIndexOf('\n', limits.sectionText);
    const at = cut > limits.sectionText / 2 ? cut : limits.sectionText;
    sections.push({ type: 'section', text: mrkdwn(rest.slice(0, at)) });
    rest = rest.slice(at).replace(/^\n/, '');
  }
  if (rest.trim()) sections.push({ type: 'section', text: mrkdwn(rest) });
  return sections;
}

/** A button; `style` `primary` (green) or `danger` (red). */
export function button(actionId: string, label: string, value: string, style?: 'primary' | 'danger'): types.Button {
  return { type: 'button', action_id: actionId, text: plain(label, limits.buttonText), value, ...(style ? { style } : {}) };
}
