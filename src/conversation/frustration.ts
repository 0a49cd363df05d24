const frustrationPattern =
  /\b(?:(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time (?:i(?:'m| am)? (?:ask|report|rais|tell|writ)|asking|reporting|this week)|(?:still|again) (?:not|isn'?t|doesn'?t|won'?t) (?:work|fixed|solved|resolved)|this is (?:ridiculous|unacceptable|a joke)|(?:nobody|no one) (?:is )?(?:help|answer|respond|fix)|useless bot|fed up|sick of this|wtf|waste of (?:my )?time)/i;

/** True when the employee shows frustration ("third time I'm asking", "still not fixed", "this is ridiculous"). */
export function showsFrustration(text: string): boolean {
  return text.length < 2000 && frustrationPattern.test(text);
}
