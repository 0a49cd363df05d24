// Evaluate tab: cross-validation or a test file, with the confusion matrix drawn as a heatmap table.
import { api, readFile } from './api.js';
import { $, el, guarded, table, percent } from './dom.js';

function renderConfusion({ labels, matrix }) {
  const head = el('tr');
  head.append(el('th', 'corner', 'expected ↓ / predicted →'));
  for (const l of labels) head.append(el('th', 'col', l));
  const rows = labels.map((label, i) => {
    const tr = el('tr');
    tr.append(el('th', 'rowhead', label));
    const total = matrix[i].reduce((a, b) => a + b, 0) || 1;
    matrix[i].forEach((n, j) => {
      const td = el('td', n ? (i === j ? 'hit' : 'miss') : 'zero', n || '');
      td.title = `expected ${label}, predicted ${labels[j]}: ${n}`;
      // CSSOM, not a style attribute: the page's CSP allows no inline styles.
      if (n) td.style.setProperty('--share', String(n / total));
      tr.append(td);
    });
    return tr;
  });
  $('confusion').replaceChildren(el('thead'), el('tbody'));
  $('confusion').tHead.append(head);
  $('confusion').tBodies[0].append(...rows);
}

function render(report, note) {
  $('eval-report').hidden = false;
  $('eval-accuracy').textContent = percent(report.accuracy);
  $('eval-f1').textContent = percent(report.macroF1);
  $('eval-examples').textContent = String(report.examples);
  renderConfusion(report.confusion);
  table($('per-intent'), ['Intent', 'Precision', 'Recall', 'F1', 'Support'],
    report.perIntent.map((s) => [s.intent, percent(s.precision), percent(s.recall), percent(s.f1), s.support]));
  table($('mistakes'), ['Text', 'Expected', 'Predicted', 'Confidence'],
    report.mistakes.map((m) => [m.text, m.expected, m.predicted, percent(m.confidence)]));
  $('eval-status').textContent = note;
}

async function run(control, label, call) {
  $('eval-status').textContent = `${label}… training takes a while.`;
  const result = await guarded(control, call);
  if (!result) $('eval-status').textContent = '';
  return result;
}

export function initEvaluate() {
  $('cv-run').addEventListener('click', async () => {
    const folds = Number($('cv-folds').value) || 5;
    const result = await run($('cv-run'), 'Cross-validating', () => api('POST', '/api/admin/evaluate/cross-validation', { folds }));
    if (result) render(result.report, `${folds}-fold cross-validation of the draft.`);
  });
  $('test-run').addEventListener('click', async () => {
    const result = await run($('test-run'), 'Evaluating', async () => api('POST', '/api/admin/evaluate/test-set', { content: await readFile($('test-file')) }));
    if (!result) return;
    const unknown = result.unknownIntents.length ? ` Intents not in the draft: ${result.unknownIntents.join(', ')}.` : '';
    render(result.report, `The draft, trained on all its examples, on the test file.${unknown}`);
  });
}
