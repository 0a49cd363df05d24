// deskbot's stock chat page: Web Chat over Direct Line on this same server, as the signed-in employee or as a guest.
// The conversation survives a reload of the tab: its token is kept in sessionStorage and handed back on load, and the
// server continues that conversation only for the same employee (or the same guest).
(function () {
  const KEY = 'deskbot.webchat';
  const SIGN_IN_KEY = 'deskbot.signin-started';
  const status = document.getElementById('status');
  const who = document.getElementById('who');
  const signOut = document.getElementById('sign-out');

  async function pageToken() {
    let saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(KEY) || 'null'); } catch (err) { /* start afresh */ }
    const headers = saved && saved.token ? { authorization: 'Bearer ' + saved.token } : {};
    const res = await fetch('/api/web/token', { method: 'POST', headers, credentials: 'same-origin' });
    if (res.status === 401) {
      // Back from the provider and still no session: the cookie did not stick (e.g. opened over http while the
      // callback is https). Say so rather than bounce between deskbot and the provider for ever.
      const last = Number(sessionStorage.getItem(SIGN_IN_KEY) || 0);
      if (Date.now() - last < 60000) throw new Error('signing in did not stick; open deskbot at its public address and try again.');
      sessionStorage.setItem(SIGN_IN_KEY, String(Date.now()));
      location.assign('/auth/login');
      return null;
    }
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error((body.error && body.error.message) || res.statusText);
    sessionStorage.removeItem(SIGN_IN_KEY);
    return body;
  }

  function showWho(user) {
    if (!user) return;
    who.textContent = 'Signed in as ' + (user.name || user.email || 'you') + '. Please don\'t type passwords.';
    signOut.hidden = false;
    signOut.addEventListener('submit', () => sessionStorage.removeItem(KEY));
  }

  async function start() {
    try {
      const grant = await pageToken();
      if (!grant) return;
      sessionStorage.setItem(KEY, JSON.stringify({ token: grant.token, conversationId: grant.conversationId }));
      showWho(grant.user);
      const directLine = window.WebChat.createDirectLine({ token: grant.token, conversationId: grant.conversationId, domain: location.origin + '/v3/directline' });
      window.WebChat.renderWebChat({
        directLine,
        locale: navigator.language || 'en-US',
        styleOptions: {
          hideUploadButton: true,
          botAvatarInitials: 'DB',
          userAvatarInitials: 'You',
          suggestedActionLayout: 'flow',
          bubbleBorderRadius: 8,
          bubbleFromUserBorderRadius: 8,
        },
      }, document.getElementById('webchat'));
    } catch (err) {
      status.hidden = false;
      status.textContent = 'The chat could not start: ' + err.message;
    }
  }

  start();
})();
