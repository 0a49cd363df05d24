// Words that say "something is wrong" versus "I want something", whatever the product or topic. They give the kind
// model a signal that carries over to topics the catalogue has no examples for.
const PROBLEM = /\b(not|no|cant|cannot|can't|unable|wont|won't|doesnt|doesn't|isnt|didnt|broken|broke|break|error|errors|fail|fails|failed|failing|failure|crash|crashes|crashed|crashing|freez\w*|frozen|stuck|hang|hangs|hanging|down|slow|keeps|stopped|missing|lost|issue|issues|problem|problems|bug|glitch|dead|died|cracked|blank|offline|disconnect\w*|locked|corrupt\w*|flicker\w*|jam\w*|virus|hacked|denied|invalid|wrong|bounc\w*|timeout|timed out|unreachable|loop\w*|disappeared|gone)\b/;
const REQUEST = /\b(need|needs|needed|request|requesting|new|would like|want|wanted|can i (get|have)|could i (get|have)|please (add|install|create|set ?up|give|grant|enable|order|provide)|access to|access for|install|installed|licen[cs]e|licen[cs]es|order|set ?up|add me|add|create|upgrade|enable|grant|permission|permissions|get me|require|extra|additional|another|replacement|renew\w*|starter|joiner|hire|leaver|onboard\w*|offboard\w*|seat)\b/;
const QUESTION = /^(how|where|what|which|when|is there|can i use|does|do i)\b|\?\s*$/;

/** Named cue features for a normalized text: `problem`, `request`, `question` (any subset). */
export function kindCues(normalized: string): string[] {
  const cues: string[] = [];
  if (PROBLEM.test(normalized)) cues.push('problem');
  if (REQUEST.test(normalized)) cues.push('request');
  if (QUESTION.test(normalized)) cues.push('question');
  if (cues.length === 2 && cues[0] === 'problem' && cues[1] === 'request') cues.push('problem+request');
  return cues;
}
