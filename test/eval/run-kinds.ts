// `npm run eval:kinds`: only the incident-vs-service-request figures of the seed catalogue on our kind dev sets,
// without the corpora of ../shared/eval, as JSON. `--errors` also lists every miss.
import { createUnderstander } from '../../src/classification/understand.js';
import { loadSeedIntents } from '../../src/classification/load-seed-intents.js';
import { evaluateAllKinds } from './kinds.js';

const seed = loadSeedIntents();
const understander = createUnderstander(seed.intents, seed.outOfScopeExamples);
const figures = await evaluateAllKinds(async (text) => understander.understand(text).kind);
const withErrors = process.argv.includes('--errors');
const confusion = (errors: Array<{ expected: string; got: string }>) => ({
  incidentAsRequest: errors.filter((e) => e.expected === 'incident' && e.got === 'service_request').length,
  requestAsIncident: errors.filter((e) => e.expected === 'service_request' && e.got === 'incident').length,
  other: errors.filter((e) => e.got !== 'incident' && e.got !== 'service_request').length,
});
const out = Object.fromEntries(
  Object.entries(figures).map(([name, f]) => [name, { macroF1: f.macroF1, items: f.items, ...confusion(f.errors), ...(withErrors ? { errors: f.errors } : {}) }]),
);
console.log(JSON.stringify(out, null, 2));
