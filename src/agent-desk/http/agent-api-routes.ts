import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AgentDesk, AgentRef, EscalationView } from '../types.js';
import { DeskbotError } from '../../core/errors.js';
import { authenticateConsoleRequest, type ConsoleSessions } from '../../http/console-session/index.js';
import { escalationParams, messageBody, resolveBody, statusBody } from './agent-api-schemas.js';
import { parseInput } from './parse-input.js';

/**
 * The agents' JSON API under `/api/agent`. Every route takes `Authorization: Bearer <agent token>` or the console's
 * session cookie (then changes need the `x-csrf-token` header: 403 without it); 401 without either:
 * - `GET  /api/agent/me` → `{ agent }`
 * - `POST /api/agent/status` `{ status: 'available'|'away' }` → `{ agent }`
 * - `GET  /api/agent/escalations` → `{ escalations }` (open ones of the agent's groups, newest first)
 * - `GET  /api/agent/escalations/:id` → `{ escalation }` (404 when unknown)
 * - `POST /api/agent/escalations/:id/claim` → 200 `{ claimed: true, escalation }`, or 409
 *   `{ error: { code: 'already_claimed', message }, claimed: false, escalation }` naming the owner
 * - `POST /api/agent/escalations/:id/messages` `{ text }` (1–4000 chars) → `{ ok: true }`
 * - `POST /api/agent/escalations/:id/resolve` `{ note? }` → `{ ok: true }`
 * - `POST /api/agent/escalations/:id/release` → `{ ok: true }` (hand back to the queue)
 * Desk errors keep their status: not_found 404, forbidden 403, conflict 409 (the escalation is resolved already: a
 * second resolve, or a message, claim or release after it), bad_request 400.
 */
export function registerAgentApiRoutes(app: FastifyInstance, desk: AgentDesk, sessions: ConsoleSessions<AgentRef>): void {
  // Agents' views of tickets and conversations must not linger in shared caches or the browser's.
  app.addHook('onSend', async (req, reply) => { if (req.url.startsWith('/api/agent')) reply.header('cache-control', 'no-store'); });
  const byToken = (token: string) => desk.authenticate(token);
  const agentOf = (req: FastifyRequest) => authenticateConsoleRequest(req, { sessions, byToken, realm: 'agent' });
  registerProfileRoutes(app, desk, agentOf);
  registerEscalationRoutes(app, desk, agentOf);
}

type AgentOf = (req: FastifyRequest) => Promise<AgentRef>;

function registerProfileRoutes(app: FastifyInstance, desk: AgentDesk, agentOf: AgentOf): void {
  app.get('/api/agent/me', async (req) => ({ agent: await agentOf(req) }));

  app.post('/api/agent/status', async (req) => {
    const agent = await agentOf(req);
    const { status } = parseInput(statusBody, req.body);
    await desk.setStatus(agent, status);
    return { agent: { ...agent, status } satisfies AgentRef };
  });
}

function registerEscalationRoutes(app: FastifyInstance, desk: AgentDesk, agentOf: AgentOf): void {
  const idOf = (req: FastifyRequest) => parseInput(escalationParams, req.params).id;

  app.get('/api/agent/escalations', async (req) => ({ escalations: await desk.listOpen(await agentOf(req)) }));

  app.get('/api/agent/escalations/:id', async (req) => {
    const agent = await agentOf(req);
    const escalation = await desk.get(agent, idOf(req));
    if (!escalation) throw new DeskbotError('not_found', 'No such escalation.');
    return { escalation };
  });

  app.post('/api/agent/escalations/:id/claim', async (req, reply) => {
    const agent = await agentOf(req);
    const result = await desk.claim(agent, idOf(req));
    if (result.claimed || result.escalation.claimedBy?.id === agent.id) return { claimed: true, escalation: result.escalation };
    return reply.status(409).send({ error: lostClaim(result.escalation), claimed: false, escalation: result.escalation });
  });

  app.post('/api/agent/escalations/:id/messages', async (req) => {
    const agent = await agentOf(req);
    const id = idOf(req);
    const { text } = parseInput(messageBody, req.body);
    await desk.sendMessage(agent, id, text);
    return { ok: true };
  });

  app.post('/api/agent/escalations/:id/resolve', async (req) => {
    const agent = await agentOf(req);
    const id = idOf(req);
    const body = parseInput(resolveBody, req.body ?? undefined);
    await desk.resolve(agent, id, body?.note || undefined);
    return { ok: true };
  });

  app.post('/api/agent/escalations/:id/release', async (req) => {
    const agent = await agentOf(req);
    await desk.release(agent, idOf(req));
    return { ok: true };
  });
}

function lostClaim(escalation: EscalationView): { code: string; message: string } {
  const owner = escalation.claimedBy?.name;
  return { code: 'already_claimed', message: owner ? `${owner} has already claimed this escalation.` : 'This escalation cannot be claimed.' };
}
