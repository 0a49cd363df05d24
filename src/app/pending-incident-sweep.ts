import { sweepPendingIncidents, type PendingIncidentSweepDeps } from '../conversation/sweep-pending-incidents.js';

/**
 * Run the pending-incident sweep every `intervalMs` (default: a minute, or a tenth of the time-out if that is shorter),
 * never two at once in this process; other instances may sweep too (the sweep is safe for that).
 * @returns stop(), which waits for a sweep in progress
 */
export function startPendingIncidentSweep(deps: PendingIncidentSweepDeps & { intervalMs?: number }): { stop(): Promise<void> } {
  const intervalMs = deps.intervalMs ?? Math.min(60_000, Math.max(1000, deps.minutes * 6000));
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = sweepPendingIncidents(deps)
      .then((swept) => { if (swept.length) deps.logger.info({ conversations: swept.length, tickets: swept.flatMap((s) => s.tickets) }, 'logged unanswered incidents'); })
      .catch((err: unknown) => deps.logger.warn({ err }, 'pending-incident sweep failed'))
      .finally(() => { running = null; });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
