// deskbot's agent console: a small client of the /api/agent API.
// The agent pastes their token once; the server answers with an HttpOnly, SameSite=Strict session cookie that script
// here cannot read, and a CSRF token that every change carries in x-csrf-token. The token itself is never stored.
// Every piece of text from the server is put in the page with textContent: nothing here parses HTML.
(function () {
  'use strict';
  const POLL_MS = 2000;
  const REASONS = {
    requested_human: 'Asked for a person',
    understanding_failed: 'Bot did not understand',
    high_priority: 'High priority',
    frustration: 'Frustrated',
    sla_risk: 'SLA at risk',
    agent_only: 'Needs an agent',
  };
  const PRIORITY = { 1: 'Critical', 2: 'High', 3: 'Moderate', 4: 'Low' };
  const $ = (id) => document.getElementById(id);
  const state = { csrf: null, me: null, list: [], selectedId: null, selected: null, timer: null, polling: false };

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  async function api(method, path, body) {
    const headers = {};
    if (state.csrf && method !== 'GET') headers['x-csrf-token'] = state.csrf;
    const init = { method, headers, cache: 'no-store', credentials: 'same-origin' };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const res = await fetch(path, init);
    const data = await res.json().catch(() => ({}));
    if (res.status === 401) {
      signOut(state.me ? 'Your session ended. Sign in again.' : 'That token is not valid.');
      throw Object.assign(new Error('Not signed in'), { status: 401, silent: true });
    }
    if (!res.ok) throw Object.assign(new Error((data.error && data.error.message) || res.statusText), { status: res.status, data });
    return data;
  }

  // ---- sign-in and presence ----

  async function signIn(token) {
    const session = await api('POST', '/api/agent/session', { token });
    await enter(session);
  }

  // A reloaded page still has its cookie: carry on without asking for the token again.
  async function resume() {
    const res = await fetch('/api/agent/session', { cache: 'no-store', credentials: 'same-origin' });
    if (!res.ok) return signOut();
    await enter(await res.json());
  }

  async function enter(session) {
    const agent = session.principal;
    state.csrf = session.csrfToken;
    state.me = agent;
    $('sign-in').hidden = true;
    $('sign-in-error').hidden = true;
    $('desk').hidden = false;
    $('me').hidden = false;
    $('me-name').textContent = agent.name;
    renderAvailability();
    await poll();
    state.timer = setInterval(poll, POLL_MS);
  }

  function signOut(message, endSession) {
    if (endSession && state.csrf) {
      fetch('/api/agent/session', { method: 'DELETE', headers: { 'x-csrf-token': state.csrf }, credentials: 'same-origin' }).catch(() => undefined);
    }
    clearInterval(state.timer);
    Object.assign(state, { csrf: null, me: null, list: [], selectedId: null, selected: null, timer: null });
    $('desk').hidden = true;
    $('me').hidden = true;
    $('sign-in').hidden = false;
    $('token').value = '';
    $('sign-in-error').hidden = !message;
    $('sign-in-error').textContent = message || '';
    $('token').focus();
  }

  function renderAvailability() {
    const available = state.me.status === 'available';
    const button = $('availability');
    button.setAttribute('aria-checked', String(available));
    button.classList.toggle('on', available);
    $('availability-label').textContent = available ? 'Available' : 'Away';
  }

  async function toggleAvailability() {
    const next = state.me.status === 'available' ? 'away' : 'available';
    const { agent } = await api('POST', '/api/agent/status', { status: next });
    state.me = agent;
    renderAvailability();
  }

  // ---- polling ----

  async function poll() {
    if (state.polling || !state.me) return;
    state.polling = true;
    try {
      const { escalations } = await api('GET', '/api/agent/escalations');
      state.list = escalations;
      if (state.selectedId) await loadSelected();
      renderList();
    } catch (err) {
      if (!err.silent) toast('Could not refresh: ' + err.message, true);
    } finally {
      state.polling = false;
    }
  }

  async function loadSelected() {
    try {
      state.selected = (await api('GET', '/api/agent/escalations/' + encodeURIComponent(state.selectedId))).escalation;
    } catch (err) {
      if (err.status !== 404) throw err;
      state.selectedId = null;
      state.selected = null;
    }
    renderCase();
  }

  // ---- the queue ----

  function renderList() {
    const items = state.list.map(listItem);
    $('list').replaceChildren(...items);
    $('count').textContent = String(state.list.length);
    $('empty').hidden = state.list.length > 0;
    tickClocks();
  }

  function listItem(e) {
    const li = el('li');
    const button = el('button', 'item' + (e.id === state.selectedId ? ' selected' : '') + (isOverdue(e) && !e.claimedBy ? ' late' : ''));
    button.type = 'button';
    button.dataset.id = e.id;
    const top = el('div', 'row');
    top.append(el('span', 'ticket-number', e.ticket.number), priorityBadge(e.ticket.priority), el('span', 'kind', kindLabel(e.ticket.kind)),
      el('span', 'spacer'), clock(e));
    const title = el('div', 'title', e.ticket.title);
    const bottom = el('div', 'row sub');
    bottom.append(el('span', 'requester', e.requester.name || e.requester.email || 'Unknown employee'),
      el('span', 'reason', REASONS[e.reason] || e.reason), el('span', 'spacer'), ownerTag(e));
    button.append(top, title, bottom);
    button.addEventListener('click', () => select(e.id));
    li.append(button);
    return li;
  }

  function priorityBadge(p) {
    const badge = el('span', 'prio p' + p, 'P' + p);
    badge.title = PRIORITY[p] || '';
    return badge;
  }

  function kindLabel(kind) {
    return kind === 'incident' ? 'Incident' : 'Service request';
  }

  function ownerTag(e) {
    if (!e.claimedBy) return el('span', 'tag unclaimed', 'Unclaimed');
    const mine = state.me && e.claimedBy.id === state.me.id;
    return el('span', 'tag ' + (mine ? 'mine' : 'taken'), mine ? 'You' : e.claimedBy.name);
  }

  // The response SLA counts until someone claims; after that the clock has done its job.
  function clock(e) {
    const span = el('span', 'clock');
    if (e.status === 'resolved') span.textContent = 'Resolved';
    else if (e.claimedBy) span.textContent = 'Responded';
    else {
      span.dataset.due = e.ticket.responseDueAt;
      if (e.overdue) span.dataset.overdue = 'true';
    }
    return span;
  }

  function isOverdue(e) {
    return e.overdue || Date.parse(e.ticket.responseDueAt) <= Date.now();
  }

  function tickClocks() {
    for (const span of document.querySelectorAll('.clock[data-due]')) {
      const left = Date.parse(span.dataset.due) - Date.now();
      const late = left <= 0 || span.dataset.overdue === 'true';
      span.classList.toggle('overdue', late);
      span.textContent = late ? 'Overdue ' + duration(-left) : duration(left) + ' left';
      span.title = 'SLA response target ' + new Date(span.dataset.due).toLocaleString();
    }
  }

  function duration(ms) {
    const s = Math.max(0, Math.floor(ms / 1000));
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    if (h > 0) return h + 'h ' + String(m).padStart(2, '0') + 'm';
    return m + ':' + String(s % 60).padStart(2, '0');
  }

  // ---- the selected escalation ----

  async function select(id) {
    state.selectedId = id;
    state.selected = state.list.find((e) => e.id === id) || null;
    renderList();
    renderCase();
    try { await loadSelected(); } catch (err) { if (!err.silent) toast(err.message, true); }
  }

  function renderCase() {
    const e = state.selected;
    $('placeholder').hidden = Boolean(e);
    $('case').hidden = !e;
    if (!e) return;
    const mine = Boolean(e.claimedBy && state.me && e.claimedBy.id === state.me.id);
    const open = e.status !== 'resolved';
    $('case-number').textContent = e.ticket.number;
    $('case-priority').replaceWith(Object.assign(priorityBadge(e.ticket.priority), { id: 'case-priority' }));
    $('case-priority').textContent = 'P' + e.ticket.priority + ' · ' + (PRIORITY[e.ticket.priority] || '');
    $('case-kind').textContent = kindLabel(e.ticket.kind);
    $('case-clock').replaceWith(Object.assign(clock(e), { id: 'case-clock' }));
    $('case-title').textContent = e.ticket.title;
    $('case-sub').textContent = [
      e.requester.name || 'Unknown employee', e.requester.email, 'via ' + e.requester.channel,
      REASONS[e.reason] || e.reason, e.assignmentGroup ? 'Group: ' + e.assignmentGroup : null,
    ].filter(Boolean).join(' · ');
    $('case-owner').textContent = !open ? 'Resolved. The employee was asked to rate the help they got.'
      : mine ? 'You own this escalation: what you send reaches the employee on ' + e.requester.channel + '.'
        : e.claimedBy ? e.claimedBy.name + ' is handling this escalation.' : 'Nobody has claimed this escalation yet.';
    $('case-owner').className = 'owner' + (mine ? ' mine' : e.claimedBy ? ' taken' : '');
    $('claim').hidden = mine || !open;
    $('claim').disabled = Boolean(e.claimedBy);
    for (const id of ['resolve', 'release', 'note']) $(id).hidden = !(mine && open);
    $('reply').disabled = !(mine && open);
    $('send').disabled = !(mine && open);
    $('reply').placeholder = mine && open ? 'Write to ' + (e.requester.name || 'the employee') + '… (Enter sends, Shift+Enter adds a line)'
      : e.claimedBy && open ? 'Only ' + e.claimedBy.name + ' can reply.' : 'Claim this escalation to reply.';
    renderArticles(e.articlesTried);
    renderTranscript(e.messages);
    tickClocks();
  }

  function renderArticles(slugs) {
    const items = slugs.length ? slugs.map((s) => el('li', 'chip', s)) : [el('li', 'none', 'None: the bot offered no article.')];
    $('articles').replaceChildren(...items);
  }

  function renderTranscript(messages) {
    const list = $('transcript');
    const key = messages.length + '|' + (messages.length ? messages[messages.length - 1].at : '');
    if (list.dataset.key === key && list.dataset.id === state.selectedId) return;
    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 60 || list.dataset.id !== state.selectedId;
    list.dataset.key = key;
    list.dataset.id = state.selectedId;
    list.replaceChildren(...messages.map(messageLine));
    if (nearBottom) list.scrollTop = list.scrollHeight;
  }

  function messageLine(m) {
    const li = el('li', 'msg msg-' + m.author);
    const who = m.author === 'agent' ? (m.agentName || 'Agent') : m.author === 'bot' ? 'deskbot'
      : m.author === 'employee' ? (state.selected.requester.name || 'Employee') : '';
    const meta = el('div', 'meta');
    if (who) meta.append(el('span', 'who', who));
    meta.append(el('time', 'at', new Date(m.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })));
    li.append(meta, el('div', 'text', m.text));
    return li;
  }

  // ---- actions ----

  async function act(fn, done) {
    try {
      await fn();
      if (done) toast(done);
    } catch (err) {
      if (err.silent) return;
      if (err.status === 409 && err.data && err.data.escalation) state.selected = err.data.escalation;
      toast(err.message, true);
    }
    await poll();
  }

  const path = (suffix) => '/api/agent/escalations/' + encodeURIComponent(state.selectedId) + suffix;

  function claim() {
    return act(async () => { state.selected = (await api('POST', path('/claim'), {})).escalation; renderCase(); $('reply').focus(); },
      'Claimed: you own this escalation now.');
  }

  function resolve() {
    const note = $('note').value.trim();
    return act(async () => { await api('POST', path('/resolve'), note ? { note } : {}); $('note').value = ''; },
      'Resolved. The employee was asked for a rating.');
  }

  function release() {
    return act(() => api('POST', path('/release'), {}), 'Handed back to the queue.');
  }

  function send() {
    const text = $('reply').value.trim();
    if (!text) return;
    $('send').disabled = true;
    return act(async () => { await api('POST', path('/messages'), { text }); $('reply').value = ''; });
  }

  let toastTimer = null;
  function toast(message, isError) {
    const t = $('toast');
    t.textContent = message;
    t.className = 'toast' + (isError ? ' error' : '');
    t.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { t.hidden = true; }, 4000);
  }

  // ---- wiring ----

  $('sign-in-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const token = $('token').value.trim();
    if (token) signIn(token).catch((err) => { if (!err.silent) signOut('Could not sign in: ' + err.message); });
  });
  $('sign-out').addEventListener('click', () => signOut(undefined, true));
  $('availability').addEventListener('click', () => toggleAvailability().catch((err) => { if (!err.silent) toast(err.message, true); }));
  $('claim').addEventListener('click', claim);
  $('resolve').addEventListener('click', resolve);
  $('release').addEventListener('click', release);
  $('reply-form').addEventListener('submit', (ev) => { ev.preventDefault(); send(); });
  $('reply').addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) { ev.preventDefault(); send(); }
  });
  setInterval(tickClocks, 1000);

  resume().catch(() => signOut());
})();
