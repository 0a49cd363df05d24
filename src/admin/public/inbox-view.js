// Misunderstood inbox tab: groups of similar messages; add a group (or one message) to an intent, or dismiss it.
import { api } from './api.js';
import { $, el, button, guarded, toast } from './dom.js';

let intentNames = [];

export async function loadInbox() {
  const [{ groups, total }, { intents }] = await Promise.all([
    api('GET', `/api/admin/inbox?days=${encodeURIComponent($('inbox-days').value)}`),
    api('GET', '/api/admin/intents'),
  ]);
  intentNames = intents.map((i) => i.name);
  $('inbox-total').textContent = total ? `${total} message${total === 1 ? '' : 's'} in ${groups.length} group${groups.length === 1 ? '' : 's'}` : 'Nothing misunderstood. Well done.';
  $('inbox-groups').replaceChildren(...groups.map(groupCard));
}

function intentSelect(suggested) {
  const select = el('select');
  select.setAttribute('aria-label', 'Intent to add to');
  select.append(...intentNames.map((name) => {
    const o = el('option', null, name.replace(/_/g, ' '));
    o.value = name;
    o.selected = name === (suggested || 'out_of_scope');
    return o;
  }));
  return select;
}

function groupCard(group) {
  const card = el('article', 'group card');
  const select = intentSelect(group.suggestedIntent);
  const ids = group.messages.map((m) => m.id);
  const head = el('header', 'row');
  head.append(el('strong', null, group.terms.join(' · ') || 'messages'), el('span', 'count', group.size), el('span', 'spacer'), select,
    button('Add all as examples', () => decide(ids, select.value), 'primary small'), button('Dismiss all', () => decide(ids, null), 'small'));
  const list = el('ul', 'messages');
  list.append(...group.messages.map((m) => {
    const li = el('li');
    li.append(el('span', 'text', m.text), el('span', 'meta', `${m.kind.replace(/_/g, ' ')} · ${Math.round(m.confidence * 100)}%`),
      button('Add', () => decide([m.id], select.value), 'small quiet'), button('Dismiss', () => decide([m.id], null), 'small quiet'));
    return li;
  }));
  card.append(head, list);
  return card;
}

async function decide(messageIds, intent) {
  await guarded(null, async () => {
    if (intent) {
      const { added } = await api('POST', '/api/admin/inbox/add', { messageIds, intent });
      toast(`${added} example${added === 1 ? '' : 's'} added to ${intent} in the draft.`);
    } else {
      await api('POST', '/api/admin/inbox/dismiss', { messageIds });
      toast('Dismissed.');
    }
    await loadInbox();
  });
}

export function initInbox() {
  $('inbox-refresh').addEventListener('click', () => guarded($('inbox-refresh'), loadInbox));
  $('inbox-days').addEventListener('change', () => guarded(null, loadInbox));
}
