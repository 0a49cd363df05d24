// Articles tab: knowledge articles (live as soon as saved; not versioned).
import { api } from './api.js';
import { $, el, button, guarded, toast } from './dom.js';

const state = { articles: [], selected: null, version: null };
const list = (text) => text.split(',').map((t) => t.trim()).filter(Boolean);

export async function loadArticles() {
  state.articles = (await api('GET', '/api/admin/articles')).articles;
  $('article-list').replaceChildren(...state.articles.map((a) => {
    const li = el('li');
    const b = button('', () => open(a.slug), 'item' + (a.slug === state.selected ? ' selected' : ''));
    b.append(el('span', 'name', a.title), el('span', 'kind', a.slug));
    li.append(b);
    return li;
  }));
}

async function open(slug) {
  state.selected = slug;
  const article = slug ? (await api('GET', `/api/admin/articles/${encodeURIComponent(slug)}`)).article : { slug: '', title: '', body: '', tags: [], intents: [] };
  state.version = slug ? article.updatedAt : null;
  $('article-form').hidden = false;
  $('article-slug').value = article.slug;
  $('article-slug').disabled = Boolean(slug);
  $('article-title').value = article.title;
  $('article-tags').value = article.tags.join(', ');
  $('article-intents').value = article.intents.join(', ');
  $('article-body').value = article.body;
  $('article-delete').hidden = !slug;
  await loadArticles();
}

export function initArticles() {
  $('article-new').addEventListener('click', () => guarded(null, () => open(null)));
  $('article-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void guarded(event.submitter, async () => {
      const fields = { title: $('article-title').value, body: $('article-body').value, tags: list($('article-tags').value), intents: list($('article-intents').value) };
      if (state.selected) await api('PATCH', `/api/admin/articles/${encodeURIComponent(state.selected)}`, fields, state.version);
      else await api('POST', '/api/admin/articles', { slug: $('article-slug').value.trim(), ...fields });
      await open(state.selected || $('article-slug').value.trim());
      toast('Article saved; the bot uses it now.');
    });
  });
  $('article-delete').addEventListener('click', () => guarded($('article-delete'), async () => {
    if (!window.confirm(`Delete article ${state.selected}?`)) return;
    await api('DELETE', `/api/admin/articles/${encodeURIComponent(state.selected)}`, undefined, state.version);
    state.selected = null;
    $('article-form').hidden = true;
    await loadArticles();
  }));
}
