import type { Reply } from '../core/reply.js';

/**
 * Render replies for a terminal: text, articles as bullets, tickets as one line each, and buttons numbered so the
 * user can type the number. Returns the text and the button values by number (1-based).
 */
export function renderText(replies: Reply[]): { text: string; choices: string[] } {
  const lines: string[] = [];
  const choices: string[] = [];
  for (const reply of replies) {
    lines.push(reply.text);
    for (const a of reply.articles ?? []) lines.push(`  • ${a.title} — ${a.snippet}`);
    for (const t of reply.tickets ?? []) {
      lines.push(`  ▸ ${t.number} · ${t.status.replace('_', ' ')} · P${t.priority} · ${t.title} (respond by ${t.responseDueAt.slice(0, 16).replace('T', ' ')} UTC)`);
    }
    for (const c of reply.choices ?? []) {
      choices.push(c.value);
      lines.push(`  [${choices.length}] ${c.label}`);
    }
  }
  return { text: lines.join('\n'), choices };
}
