// Intents tab: the draft's intents, their settings and examples.
import { api } from './api.js';
import { $, el, button, guarded, toast } from './dom.js';

const state = { intents: [], selected: null, version: null, articles: [] };
const path = (name) => `/api/admin/intents/${encodeURIComponent(name)}`;

export async function loadIntents() {
  const [{ intents }, { articles }] = await Promise.all([api('GET', '/api/admin/intents'), api('GET', '/api/admin/articles')]);
  state.intents = intents;
  state.articles = articles;
  renderList();
  if (state.selected) await select(state.selected);
}

function renderList() {
  $('intent-list').replaceChildren(...state.intents.map((i) => {
    const li = el('li');
    const b = button('', () => select(i.name), 'item' + (i.name === state.selected ? ' selected' : '') + (i.enabled ? '' : ' disabled'));
    b.dataset.name = i.name;
    b.append(el('span', 'name', i.name), el('span', 'kind', i.outOfScope ? 'out of scope' : i.kind.replace('_', ' ')), el('span', 'count', i.exampleCount));
    li.append(b);
    return li;
  }));
}

async function select(name) {
  state.selected = name;
  const { intent } = await api('GET', path(name));
  state.version = intent.version;
  renderList();
  $('intent-editor').hidden = false;
  $('intent-title').textContent = intent.name;
  $('intent-kind').value = intent.kind;
  $('intent-description').value = intent.description;
  $('intent-impact').value = String(intent.defaultImpact);
  $('intent-urgency').value = String(intent.defaultUrgency);
  $('intent-ask-impact').checked = intent.askImpact;
  $('intent-group').value = intent.assignmentGroup || '';
  $('intent-agent-only').checked = intent.agentOnly;
  $('intent-enabled').checked = intent.enabled;
  $('intent-articles').replaceChildren(...state.articles.map((a) => {
    const o = el('option', null, a.title);
    o.value = a.slug;
    o.selected = intent.articleSlugs.includes(a.slug);
    return o;
  }));
  $('intent-form').hidden = intent.outOfScope;
  $('example-count').textContent = String(intent.examples.length);
  $('examples').replaceChildren(...intent.examples.map((e) => {
    const li = el('li', null);
    li.append(el('span', 'text', e.text), button('×', () => removeExample(e.id), 'quiet remove'));
    li.lastChild.setAttribute('aria-label', `Remove example "${e.text}"`);
    return li;
  }));
}

async function removeExample(id) {
  await guarded(null, async () => {
    await api('DELETE', `${path(state.selected)}/examples/${encodeURIComponent(id)}`);
    await loadIntents();
  });
}

export function initIntents() {
  $('new-intent').addEventListener('submit', (event) => {
    event.preventDefault();
    void guarded(event.submitter, async () => {
      const name = $('new-intent-name').value.trim();
      await api('POST', '/api/admin/intents', { name, kind: $('new-intent-kind').value });
      $('new-intent-name').value = '';
      state.selected = name;
      await loadIntents();
      toast(`Intent ${name} added to the draft.`);
    });
  });
  $('intent-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void guarded(event.submitter, async () => {
      await api('PATCH', path(state.selected), {
        kind: $('intent-kind').value, description: $('intent-description').value, assignmentGroup: $('intent-group').value,
        defaultImpact: Number($('intent-impact').value), defaultUrgency: Number($('intent-urgency').value), askImpact: $('intent-ask-impact').checked,
        agentOnly: $('intent-agent-only').checked, enabled: $('intent-enabled').checked,
        articleSlugs: [...$('intent-articles').selectedOptions].map((o) => o.value),
      }, state.version);
      await loadIntents();
      toast('Saved to the draft. Publish to make it live.');
    });
  });
  $('add-examples').addEventListener('submit', (event) => {
    event.preventDefault();
    void guarded(event.submitter, async () => {
      const texts = $('new-examples').value.split('\n').map((t) => t.trim()).filter(Boolean);
      const { added, sharedWithOtherIntents: shared } = await api('POST', `${path(state.selected)}/examples`, { texts });
      $('new-examples').value = '';
      await loadIntents();
      const also = shared.map((x) => `"${x.text}" (also under ${x.intents.join(', ')})`).join('; ');
      toast(`${added} example${added === 1 ? '' : 's'} added.${also ? ` Other intents have ${also}: keep each text under one intent.` : ''}`);
    });
  });
  $('intent-delete').addEventListener('click', () => guarded($('intent-delete'), async () => {
    if (!window.confirm(`Delete intent ${state.selected} from the draft?`)) return;
    await api('DELETE', path(state.selected), undefined, state.version);
    state.selected = null;
    $('intent-editor').hidden = true;
    await loadIntents();
  }));
}
