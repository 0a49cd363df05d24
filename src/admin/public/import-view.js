// Import & export tab.
import { api, readFile } from './api.js';
import { $, el, guarded, toast } from './dom.js';

export async function loadExportVersions() {
  const { versions } = await api('GET', '/api/admin/versions');
  const draft = el('option', null, 'the draft');
  draft.value = 'draft';
  $('export-version').replaceChildren(draft, ...versions.map((v) => {
    const o = el('option', null, `version ${v.number}${v.live ? ' (live)' : ''}`);
    o.value = v.id;
    return o;
  }));
  updateLink();
}

function updateLink() {
  const query = new URLSearchParams({ format: $('export-format').value, version: $('export-version').value });
  $('export-link').href = `/api/admin/export?${query}`;
}

export function initImport() {
  $('export-format').addEventListener('change', updateLink);
  $('export-version').addEventListener('change', updateLink);
  $('import-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void guarded(event.submitter, async () => {
      const content = await readFile($('import-file'));
      const result = await api('POST', '/api/admin/import', {
        content, format: $('import-format').value, mode: $('import-mode').value, defaultKind: $('import-kind').value,
      });
      const s = result.summary;
      const lines = [
        `Read as ${result.format}.`,
        `Intents created: ${s.intentsCreated.join(', ') || 'none'}`,
        `Intents updated: ${s.intentsUpdated.join(', ') || 'none'}${s.intentsUnchanged ? ` (${s.intentsUnchanged} unchanged)` : ''}`,
        s.intentsRemoved.length ? `Intents removed: ${s.intentsRemoved.join(', ')}` : '',
        ...s.intentsRenamed.map((r) => `Renamed "${r.from}" to ${r.to}`),
        `Examples added: ${s.examplesAdded}${s.examplesRemoved ? `, removed: ${s.examplesRemoved}` : ''}`,
        s.articlesUnlinked.length ? `Articles no longer linked to a removed intent: ${s.articlesUnlinked.join(', ')}` : '',
        ...s.sharedExamples.map((x) => `Under several intents (${x.intents.join(', ')}): "${x.text}"`),
        ...result.skipped.map((x) => `Skipped ${x}`),
        ...(result.notes ?? []),
      ].filter(Boolean);
      $('import-result').textContent = lines.join('\n');
      $('import-result').hidden = false;
      toast('Imported into the draft. Evaluate, then publish.');
    });
  });
}
