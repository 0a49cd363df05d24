// deskbot's stock chat page: a guest token from /api/web/token, then Web Chat over Direct Line on this same server.
(async function start() {
  const status = document.getElementById('status');
  try {
    const res = await fetch('/api/web/token', { method: 'POST' });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error((body.error && body.error.message) || res.statusText);
    const directLine = window.WebChat.createDirectLine({ token: body.token, domain: location.origin + '/v3/directline' });
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
    document.querySelector('#webchat input, #webchat textarea')?.focus();
  } catch (err) {
    status.hidden = false;
    status.textContent = 'The chat could not start: ' + err.message;
  }
})();
