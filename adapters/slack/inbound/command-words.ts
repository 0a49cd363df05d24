/** What `/it <words>` asks for: a private help text, the caller's tickets, the new-request modal, or an employee turn. */
export type CommandKind = 'help' | 'status' | 'modal' | 'turn';

const statusWords = /^(status|tickets|my tickets|list)$/i;
const helpWords = /^(help|\?)$/i;

/**
 * Read the words after deskbot's slash command (already trimmed). Only `turn` carries an employee message; the others
 * are answered at once (help), read-only (status) or open a modal whose `trigger_id` lasts 3 s.
 */
export function commandKind(words: string): CommandKind {
  if (!words) return 'modal';
  if (helpWords.test(words)) return 'help';
  if (statusWords.test(words)) return 'status';
  return 'turn';
}
