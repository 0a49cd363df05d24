// deskbot's admin page: sign in once with the admin token (exchanged for a session cookie), then tabs that are
// small clients of /api/admin. Each tab lives in its own module.
import { api, setCsrfToken, whenSignedOut } from './api.js';
import { $, fillKinds } from './dom.js';
import { initIntents, loadIntents } from './intents-view.js';
import { initImport, loadExportVersions } from './import-view.js';
import { initEvaluate } from './evaluate-view.js';
import { initReplay } from './replay-view.js';
import { initVersions, loadVersions } from './versions-view.js';
import { initInbox, loadInbox } from './inbox-view.js';
import { initArticles, loadArticles } from './articles-view.js';

const loaders = { intents: loadIntents, import: loadExportVersions, versions: loadVersions, inbox: loadInbox, articles: loadArticles };

/** Refresh the header's live version and draft badges. */
export async function refreshStatus() {
  const { versions, draftChanged } = await api('GET', '/api/admin/versions');
  const live = versions.find((v) => v.live);
  $('live-badge').textContent = live ? `Live: version ${live.number}` : 'Nothing published';
  $('draft-badge').hidden = !draftChanged;
}

function showConsole(principal, csrfToken) {
  setCsrfToken(csrfToken);
  $('me-name').textContent = principal.name;
  $('sign-in').hidden = true;
  $('console').hidden = false;
  $('me').hidden = false;
  void selectTab('intents');
}

function showSignIn(message) {
  setCsrfToken(null);
  $('console').hidden = true;
  $('me').hidden = true;
  $('sign-in').hidden = false;
  $('token').value = '';
  $('sign-in-error').hidden = !message;
  $('sign-in-error').textContent = message || '';
}

async function selectTab(name) {
  for (const tab of document.querySelectorAll('[role=tab]')) tab.setAttribute('aria-selected', String(tab.dataset.tab === name));
  for (const panel of document.querySelectorAll('[role=tabpanel]')) panel.hidden = panel.id !== `tab-${name}`;
  await Promise.all([loaders[name] ? loaders[name]() : null, refreshStatus()].filter(Boolean)).catch(() => undefined);
}

async function start() {
  whenSignedOut(showSignIn);
  for (const select of [$('new-intent-kind'), $('intent-kind'), $('import-kind')]) fillKinds(select, 'question');
  for (const tab of document.querySelectorAll('[role=tab]')) tab.addEventListener('click', () => selectTab(tab.dataset.tab));
  $('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const { principal, csrfToken } = await api('POST', '/api/admin/session', { token: $('token').value.trim() });
      showConsole(principal, csrfToken);
    } catch (err) {
      showSignIn(err.status === 401 ? 'That token is not valid.' : err.message);
    }
  });
  $('sign-out').addEventListener('click', async () => {
    await api('DELETE', '/api/admin/session').catch(() => undefined);
    showSignIn();
  });
  initIntents(); initImport(); initEvaluate(); initReplay(); initVersions(refreshStatus); initInbox(); initArticles();
  try {
    const { principal, csrfToken } = await api('GET', '/api/admin/session');
    showConsole(principal, csrfToken);
  } catch {
    showSignIn();
  }
}

void start();
