import { collapseWhitespace } from '../core/collapse-whitespace.js';

// Words that say "something is wrong" versus "I want something", whatever the product or topic. They give the kind
// model a signal that carries over to topics the catalogue has no examples for.
const PROBLEM = /\b(not|no|cant|cannot|unable|wont|doesnt|dont|isnt|didnt|arent|wasnt|werent|hasnt|havent|broken|broke|break|error|errors|fail|fails|failed|failing|failure|crash|crashes|crashed|crashing|freez\w*|frozen|stuck|hang|hangs|hanging|down|slow|keeps|stopped|missing|lost|issue|issues|problem|problems|bug|glitch|dead|died|cracked|blank|offline|disconnect\w*|locked|corrupt\w*|flicker\w*|jam\w*|virus|hacked|denied|invalid|wrong|bounc\w*|timeout|timed out|unreachable|loop\w*|disappeared|gone|full|rejected|bsod|blue screen|black screen|outage|intermittent\w*|dropping|drops|echo\w*|noise|noisy|unresponsive|overheat\w*|faulty|fault|malware|phish\w*|suspicious|spam|stolen|warning|expired)\b/;
// A failure named outright: in a title it outweighs a request noun beside it ("license error", "install failed",
// "password not accepted", "lost access to the share" are incidents).
const FAILURE = /\b(error|errors|fail|fails|failed|failing|failure|crash\w*|stuck|not (working|accepted|responding|loading|opening|starting|connecting|syncing|printing|charging)|stopped|broken|rejected|denied|lost access|bsod|blue screen|corrupt\w*|unresponsive|faulty)\b/;
const REQUEST = /\b(need|needs|needed|request|requesting|requested|new|would like|want|wanted|can i (get|have)|could i (get|have)|please (add|install|create|set ?up|give|grant|enable|order|provide)|access to|access for|install|installed|licen[cs]e|licen[cs]es|order|set ?up|add me|add|create|upgrade|enable|grant|permission|permissions|get me|require|extra|additional|another|replacement|renew\w*|starter|joiner|hire|leaver|onboard\w*|offboard\w*|seat|restore|recover|increase|extend|extension|move|relocate|register|enrol\w*|change|update|rename|reset|training|archive|migrate|transfer|provision|assign|reactivate|remove|wipe|return|collect|loan|temporary|alias|configure|equipment|kit|quota|bigger|more)\b/;
const QUESTION = /^(how|where|what|which|when|is there|can i use|does|do i)\b/;
// A trailing "?" ends polite requests ("could i get a second monitor?") and problems ("can someone take a look?") as
// often as how-to questions, so it is a cue of its own for the model to weigh, not part of `question`.
const QUESTION_MARK = /\?\s*$/;

/**
 * Named cue features for a normalized text: `problem`, `failure`, `request`, `question`, `question-mark`,
 * `problem+request` (any subset). Apostrophes are ignored ("don't" = "dont") and runs of spaces, which stripped
 * phrases leave behind ("could i   get"), count as one.
 */
export function kindCues(normalized: string): string[] {
  const text = collapseWhitespace(normalized.replace(/'/g, ''));
  const cues: string[] = [];
  const problem = PROBLEM.test(text);
  const request = REQUEST.test(text);
  if (problem) cues.push('problem');
  if (FAILURE.test(text)) cues.push('failure');
  if (request) cues.push('request');
  if (QUESTION.test(text)) cues.push('question');
  if (QUESTION_MARK.test(text)) cues.push('question-mark');
  if (problem && request) cues.push('problem+request');
  return cues;
}
