// Versions tab: publish the draft, roll back, make any version live.
import { api } from './api.js';
import { $, el, button, guarded, table, toast } from './dom.js';

let refreshStatus = async () => {};

export async function loadVersions() {
  const { versions, draftChanged, rollbackTo, activations } = await api('GET', '/api/admin/versions');
  $('versions-status').textContent = draftChanged ? 'The draft has changes that are not live.' : 'The draft is what is live.';
  // Roll back undoes the last switch: say where it goes, and offer it only when there is a switch to undo.
  $('rollback').textContent = rollbackTo ? `Roll back to v${rollbackTo.number}` : 'Roll back';
  $('rollback').disabled = !rollbackTo;
  $('rollback').title = rollbackTo ? 'Return to the version live before the last switch' : 'No switch left to undo';
  table($('activations-table'), ['When', 'From', 'To', 'How', 'By', ''], activations.map((a) => [
    new Date(a.at).toLocaleString(), a.from === null ? '—' : `v${a.from}`, `v${a.to}`, a.action, a.by, a.undone ? 'undone by a rollback' : '',
  ]));
  table($('versions-table'), ['Version', 'Published', 'By', 'Note', 'Intents', 'Examples', ''], versions.map((v) => [
    `v${v.number}`, new Date(v.createdAt).toLocaleString(), v.publishedBy, v.note, v.intentCount, v.exampleCount,
    v.live ? el('span', 'badge live', 'Live') : button('Make live', () => activate(v), 'small'),
  ]));
}

async function after(message) {
  toast(message);
  await Promise.all([loadVersions(), refreshStatus()]);
}

async function activate(v) {
  await guarded(null, async () => {
    await api('POST', `/api/admin/versions/${encodeURIComponent(v.id)}/activate`, {});
    await after(`Version ${v.number} is live.`);
  });
}

export function initVersions(onChange) {
  refreshStatus = onChange;
  $('publish-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void guarded(event.submitter, async () => {
      $('versions-status').textContent = 'Publishing: training the new model…';
      const { version, warnings } = await api('POST', '/api/admin/versions', { note: $('publish-note').value });
      $('publish-note').value = '';
      await after([`Published version ${version.number}: it is live.`, ...warnings].join(' '));
    }).then(() => loadVersions());
  });
  // guarded() re-enables the button when done: load again so it shows whether a switch is left to undo.
  $('rollback').addEventListener('click', () => void guarded($('rollback'), async () => {
    const { version } = await api('POST', '/api/admin/versions/rollback', {});
    await after(`Rolled back: version ${version.number} is live.`);
  }).then(() => loadVersions()));
}
