const humanPattern =
  /\b(?:(?:talk|speak|chat|get)\s+(?:to|with|me)\s+(?:a\s+|an\s+|some\s*one\s*|the\s+)?(?:human|person|agent|technician|tech|someone|somebody|real\s+person|service\s+desk|helpdesk|help\s+desk)|real\s+person|human\s+(?:agent|please|being)|live\s+agent|operator)\b/i;

/** True when the employee asks for a person ("talk to a human", "real person please", "live agent"). */
export function asksForHuman(text: string): boolean {
  return text.length < 500 && humanPattern.test(text);
}
