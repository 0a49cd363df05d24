// Cookie sessions for console pages (admin now, the agent console later): sign in by pasting a bearer token once,
// then an HttpOnly, SameSite=Strict session cookie plus a CSRF token for every change; scripts keep using Bearer.
export { createConsoleSessions, type ConsoleSessions, type ConsoleSession, type ConsoleSessionOptions } from './console-sessions.js';
export { authenticateConsoleRequest } from './authenticate-console-request.js';
export { registerSessionRoutes, type SessionRoutesDeps } from './register-session-routes.js';
export { consolePageCsp, consoleFileHeaders } from './page-headers.js';
