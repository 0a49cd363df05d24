import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { IntentDefinition, LabeledExample } from '../classification/types.js';
import { createUnderstander } from '../classification/understand.js';
import { standaloneModelOptions, trainIntentModel } from '../classification/train-intent-model.js';
import { DeskbotError } from '../core/errors.js';

/** One output line of {@link runClassify}. */
interface ClassifiedLine {
  text: string;
  kind: string | null;
  intent: string | null;
  confidence: number;
}

/**
 * Classify JSON lines `{"text": "..."}` from `input`, writing one JSON line `{"text","kind","intent","confidence"}`
 * per non-blank input line to `output`; a line that is not such JSON yields `{"line": n, "error": "..."}` instead.
 * @param options.train path of a JSON-lines file `{"text","label"}`: classify with a model trained only on it
 *   (label → `intent`, null for `None`/out of scope; `kind` null). Without it, use the intent catalogue.
 * @returns how many lines were answered (errors included)
 * @throws DeskbotError `bad_request` when the training file cannot be read or holds no labelled example
 */
export async function runClassify(
  options: { train?: string },
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  intents: { intents: IntentDefinition[]; outOfScopeExamples: string[] },
): Promise<{ count: number }> {
  const classify = options.train ? await trainedClassifier(options.train) : catalogueClassifier(intents);
  let count = 0;
  let lineNumber = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() === '') continue;
    output.write(JSON.stringify(answer(line, lineNumber, classify)) + '\n');
    count++;
  }
  return { count };
}

function answer(line: string, lineNumber: number, classify: (text: string) => ClassifiedLine): object {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { line: lineNumber, error: 'not valid JSON' };
  }
  const text = (parsed as { text?: unknown } | null)?.text;
  if (typeof text !== 'string') return { line: lineNumber, error: 'expected an object with a string "text"' };
  return classify(text);
}

function catalogueClassifier(intents: { intents: IntentDefinition[]; outOfScopeExamples: string[] }): (text: string) => ClassifiedLine {
  const understander = createUnderstander(intents.intents, intents.outOfScopeExamples);
  return (text) => {
    const u = understander.understand(text);
    return { text, kind: u.kind, intent: u.intent, confidence: round(u.confidence) };
  };
}

async function trainedClassifier(path: string): Promise<(text: string) => ClassifiedLine> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (err) {
    throw new DeskbotError('bad_request', `cannot read training file ${path}`, { cause: err });
  }
  const examples: LabeledExample[] = [];
  for (const line of content.split('\n')) {
    try {
      const item = JSON.parse(line) as { text?: unknown; label?: unknown };
      if (typeof item.text === 'string' && typeof item.label === 'string') examples.push({ text: item.text, label: item.label });
    } catch {
      // Blank or malformed training lines are skipped: the file is the user's, and one bad line should not stop training.
    }
  }
  const model = trainIntentModel(examples, standaloneModelOptions);
  return (text) => {
    const p = model.predict(text);
    return { text, kind: null, intent: p.label, confidence: round(p.confidence) };
  };
}

function round(n: number): number {
  return Math.round(n * 10000) / 10000;
}
