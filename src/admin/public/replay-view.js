// Shadow replay tab: recent real messages, live route beside the draft's.
import { api } from './api.js';
import { $, el, guarded, table } from './dom.js';

function route(r) {
  const cell = el('span', `route tier-${r.tier}`);
  cell.append(el('span', 'intent', r.intent || '—'), el('span', 'kind', r.kind.replace(/_/g, ' ')), el('span', 'tier', `${r.tier} · ${Math.round(r.confidence * 100)}%`));
  return cell;
}

export function initReplay() {
  $('replay-run').addEventListener('click', async () => {
    $('replay-status').textContent = 'Training the draft and replaying…';
    const limit = Number($('replay-limit').value) || 200;
    const result = await guarded($('replay-run'), () => api('POST', '/api/admin/shadow-replay', { limit }));
    if (!result) { $('replay-status').textContent = ''; return; }
    const live = result.liveVersion ? `live version ${result.liveVersion.number}` : 'the live model';
    $('replay-status').textContent = `${result.changed} of ${result.compared} recent messages would be routed differently than by ${live}.`;
    $('replay-table').hidden = result.rows.length === 0;
    table($('replay-table'), ['Message', 'Now (live)', 'With the draft'], result.rows.map((r) => [r.text, route(r.live), route(r.draft)]));
  });
}
