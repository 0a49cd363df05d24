/**
 * Ticket numbers in free text: `INC`/`REQ` followed by 7 digits, case-insensitive, with an optional space, dash,
 * `#` or colon between ("inc 0001234", "REQ-0001234"). Returned upper-cased without separators, first-seen order, unique.
 */
export function findTicketNumbers(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/(?<![\p{L}\p{N}])(inc|req)[\s#:-]{0,2}(\d{7})(?!\p{N})/giu)) {
    found.add(match[1]!.toUpperCase() + match[2]!);
  }
  return [...found];
}
