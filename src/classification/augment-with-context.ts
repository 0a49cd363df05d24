import type { LabeledExample } from './types.js';
import { seededRandom } from './seeded-random.js';

/** Options of {@link augmentWithContext}; every field has a default. */
export interface AugmentOptions {
  /** Extra copies of each example, each with random context added. Default 1. */
  copies?: number;
  /** Phrases that say when or how often, never what: added before or after an example. Default {@link CONTEXT_PHRASES}. */
  phrases?: readonly string[];
  seed?: number;
}

/**
 * Time and persistence phrases employees add to any request or problem. They are not stripped (some, like "again",
 * are weak problem cues), so the models learn from these copies that they carry no topic.
 */
export const CONTEXT_PHRASES: readonly string[] = [
  'since this morning', 'since yesterday', 'since monday', 'since the update', 'this morning', 'again', 'still',
  'for some reason', 'all of a sudden', 'at the moment', 'every time', 'for a while now', 'as of today',
  'when i am in the office', 'when working from home', 'on my work account', 'for a few days', 'any ideas',
  'can you check', 'as discussed', 'for me and a colleague', 'on my laptop', 'in the office', 'from home',
];

/**
 * Training-time augmentation: the examples followed by `copies` variants of each, with one or two context phrases
 * added at the start or the end (deterministic for a seed). Labels are kept.
 * @returns a new array, originals first
 */
export function augmentWithContext(examples: LabeledExample[], options: AugmentOptions = {}): LabeledExample[] {
  const phrases = options.phrases ?? CONTEXT_PHRASES;
  const copies = options.copies ?? 1;
  if (phrases.length === 0 || copies <= 0) return examples.slice();
  const random = seededRandom(options.seed ?? 11);
  const pick = () => phrases[Math.floor(random() * phrases.length)]!;
  const out = examples.slice();
  for (let c = 0; c < copies; c++) {
    for (const example of examples) {
      let text = random() < 0.5 ? `${pick()} ${example.text}` : `${example.text} ${pick()}`;
      if (random() < 0.3) text = `${text}, ${pick()}`;
      out.push({ text, label: example.label });
    }
  }
  return out;
}
