import type { Understander } from '../../classification/types.js';
import type { Db } from '../../db/client.js';
import type { ModelSnapshot } from '../../model-versions/model-snapshot.js';
import type { EvaluationRunner } from '../evaluation/evaluation-runner.js';
import { classifiableText, recentInbound } from './recent-inbound.js';
import { routeOf, routesDiffer, type Route, type Thresholds } from './route-of.js';

/** What {@link shadowReplay} needs. */
export interface ShadowReplayDeps {
  db: Db;
  runner: EvaluationRunner;
  /** The live understander (the one employees get now) and the pipeline's thresholds. */
  live: { understander: Understander; thresholds: Thresholds };
}

/** One message that the draft would route differently, live route beside draft route. */
export interface ShadowReplayRow {
  messageId: string;
  at: string;
  text: string;
  live: Route;
  draft: Route;
}

/** Outcome of a replay: how many messages were compared, how many would change, and those (newest first, ≤ 500). */
export interface ShadowReplayReport {
  compared: number;
  changed: number;
  rows: ShadowReplayRow[];
}

/**
 * Replay the last `limit` real employee messages through the live model and the draft model and report the ones the
 * draft would route differently (kind, intent or confidence tier). Nothing is sent or stored: it only classifies.
 * The draft is trained in the runner's worker; the live model classifies here, yielding to the event loop between
 * chunks so employees' turns are not held up.
 */
export async function shadowReplay(deps: ShadowReplayDeps, draft: ModelSnapshot, limit: number): Promise<ShadowReplayReport> {
  const messages = await recentInbound(deps.db, limit);
  const texts = messages.map((m) => classifiableText(m.text));
  const drafted = await deps.runner.run({ type: 'understand', snapshot: draft, texts });
  const rows: ShadowReplayRow[] = [];
  for (let i = 0; i < messages.length; i += 1) {
    if (i % 25 === 24) await new Promise((resolve) => setImmediate(resolve));
    const live = routeOf(deps.live.understander.understand(texts[i]!), deps.live.thresholds);
    const next = routeOf(drafted[i]!, deps.live.thresholds);
    if (routesDiffer(live, next)) rows.push({ messageId: messages[i]!.id, at: messages[i]!.at, text: messages[i]!.text, live, draft: next });
  }
  return { compared: messages.length, changed: rows.length, rows: rows.slice(0, 500) };
}
