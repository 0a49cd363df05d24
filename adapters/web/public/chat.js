// deskbot's stock chat page: Web Chat over Direct Line on this same server, as a guest.
// The conversation survives a reload of the tab: its token is kept in sessionStorage and refreshed on load.
(function () {
  const KEY = 'deskbot.webchat';
  const status = document.getElementById('status');

  async function postJson(url, token) {
    const res = await fetch(url, { method: 'POST', headers: token ? { authorization: 'Bearer ' + token } : {} });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error((body.error && body.error.message) || res.statusText);
    return body;
  }

  async function grant() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(KEY) || 'null');
      if (saved && saved.token) return await postJson('/v3/directline/tokens/refresh', saved.token);
    } catch (err) {
      // An expired or foreign token: start a new conversation below.
    }
    return postJson('/api/web/token');
  }

  async function start() {
    try {
      const { token, conversationId } = await grant();
      sessionStorage.setItem(KEY, JSON.stringify({ token, conversationId }));
      const directLine = window.WebChat.createDirectLine({ token, conversationId, domain: location.origin + '/v3/directline' });
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
