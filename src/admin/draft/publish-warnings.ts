import type { ModelSnapshot } from '../../model-versions/model-snapshot.js';

/** Fewer enabled intents than this and the classifier has too little to tell requests apart: warn, do not refuse. */
export const fewestIntentsAdvised = 3;

/**
 * What is thin about a version just published: nothing here stops a publish (a small desk may start with two
 * intents), but each makes the bot misroute in a way the admin would not guess from the evaluation alone.
 * @param snapshot the published version's content
 * @returns sentences for the admin; empty when nothing is amiss
 */
export function publishWarnings(snapshot: ModelSnapshot): string[] {
  const warnings: string[] = [];
  if (!snapshot.outOfScopeExamples.length) {
    warnings.push('This version has no out_of_scope examples: every message, however off-topic, is matched to the closest intent. Add examples of what the desk does not handle to out_of_scope.');
  }
  const n = snapshot.intents.length;
  if (n < fewestIntentsAdvised) {
    warnings.push(`This version has only ${n} enabled intent${n === 1 ? '' : 's'}: with fewer than ${fewestIntentsAdvised}, the classifier has little to tell requests apart, and messages are often forced onto ${n === 1 ? 'it' : 'one of them'}.`);
  }
  return warnings;
}
