// Shadow replay tab: recent real messages, the route the bot took (as recorded) beside the draft's.
import { api } from './api.js';
import { $, el, guarded, table } from './dom.js';

function route(r) {
  const cell = el('span', `route tier-${r.tier}`);
  cell.append(el('span', 'intent', r.intent || '—'), el('span', 'kind', r.kind.replace(/_/g, ' ')), el('span', 'tier', `${r.tier} · ${Math.round(r.confidence * 100)}%`));
  return cell;
}

// The old route, saying where it comes from: recorded when the bot handled the message, or the live model re-run.
function oldRoute(r) {
  const cell = route(r.old ?? r.live);
  const recorded = (r.oldRouteSource ?? 'live model') === 'recorded';
  cell.append(el('span', `source source-${recorded ? 'recorded' : 'live'}`, recorded ? 'as recorded' : 'live model (none recorded)'));
  return cell;
}

function status(result) {
  const live = result.liveVersion ? `live version ${result.liveVersion.number}` : 'the live model';
  const text = [`${result.changed} of ${result.compared} recent messages would be routed differently (kind or intent) than the bot routed them.`];
  const s = result.summary;
  if (s) {
    const fallback = s.oldRouteSources.liveModel ? `; ${live} re-run for ${s.oldRouteSources.liveModel} with none recorded (${s.changed.liveModel} of them changed)` : '';
    text.push(`Old route as recorded for ${s.oldRouteSources.recorded}${fallback}.`);
    if (s.tierOnly) text.push(`${s.tierOnly} more keep their route but change confidence tier.`);
  }
  return text.join(' ');
}

export function initReplay() {
  $('replay-run').addEventListener('click', async () => {
    $('replay-status').textContent = 'Training the draft and replaying…';
    const limit = Number($('replay-limit').value) || 200;
    const result = await guarded($('replay-run'), () => api('POST', '/api/admin/shadow-replay', { limit }));
    if (!result) { $('replay-status').textContent = ''; return; }
    $('replay-status').textContent = status(result);
    $('replay-table').hidden = result.rows.length === 0;
    table($('replay-table'), ['Message', 'Routed then', 'With the draft'], result.rows.map((r) => [r.text, oldRoute(r), route(r.draft)]));
  });
}
