// An intranet page that embeds deskbot's web chat. Its backend vouches for the employee: it trades the Direct Line
// secret (server-side only) for a token bound to them. Run: DESKBOT_URL=… DIRECTLINE_SECRET=… node server.mjs
import { createServer } from 'node:http';

const deskbot = process.env.DESKBOT_URL ?? 'http://localhost:3000';
// Replace with your intranet's own session lookup (SSO cookie, reverse-proxy header, …).
const employeeOf = (_req) => ({ id: process.env.EMPLOYEE_ID ?? 'e-1001', name: process.env.EMPLOYEE_NAME ?? 'Ada Lovelace', email: process.env.EMPLOYEE_EMAIL ?? 'ada@example.com' });

const page = `<!doctype html><meta charset="utf-8"><title>Intranet — IT help</title>
<body style="margin:0;height:100vh"><div id="chat" style="height:100%"></div>
<script src="${deskbot}/webchat/webchat.js"></script>
<script>fetch('/chat-token', { method: 'POST' }).then((r) => r.json()).then(({ token }) => window.WebChat.renderWebChat(
  { directLine: window.WebChat.createDirectLine({ token, domain: '${deskbot}/v3/directline' }) }, document.getElementById('chat')));</script>`;

createServer(async (req, res) => {
  if (req.method !== 'POST' || req.url !== '/chat-token') return res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  const minted = await fetch(`${deskbot}/v3/directline/tokens/generate`, {
    method: 'POST', body: JSON.stringify({ user: employeeOf(req) }),
    headers: { authorization: `Bearer ${process.env.DIRECTLINE_SECRET}`, 'content-type': 'application/json' },
  });
  const { token } = await minted.json();
  res.writeHead(minted.status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify({ token }));
}).listen(Number(process.env.PORT ?? 8080), '127.0.0.1', () => console.log(`intranet page on http://127.0.0.1:${process.env.PORT ?? 8080}`));
