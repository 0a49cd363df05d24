import type { Understander } from '../../classification/types.js';
import type { Db } from '../../db/client.js';
import type { ModelSnapshot } from '../../model-versions/model-snapshot.js';
import type { EvaluationRunner } from '../evaluation/evaluation-runner.js';
import { classifiableText, recentInbound } from './recent-inbound.js';
import { onlyTierDiffers, routeOf, routesDiffer, type Route, type Thresholds } from './route-of.js';

/** What {@link shadowReplay} needs. */
export interface ShadowReplayDeps {
  db: Db;
  runner: EvaluationRunner;
  /** The live understander (the one employees get now) and the pipeline's thresholds. */
  live: { understander: Understander; thresholds: Thresholds };
}

/** Where the old route of a row comes from: the classification stored when the bot handled the message, or the live model re-run now (the message has none). */
export type OldRouteSource = 'recorded' | 'live model';

/** One message that the draft would route differently, old route beside draft route. */
export interface ShadowReplayRow {
  messageId: string;
  at: string;
  text: string;
  /** The route the draft is compared with: the recorded one, or the live model's when none was recorded. */
  old: Route;
  oldRouteSource: OldRouteSource;
  /** The live model re-run now (kept for older clients; equals `old` when `oldRouteSource` is 'live model'). */
  live: Route;
  draft: Route;
}

/** Counts over all compared messages (not only the rows returned). */
export interface ShadowReplaySummary {
  /** Messages compared with their recorded route, and with the live model for want of one. */
  oldRouteSources: { recorded: number; liveModel: number };
  /** Messages the draft would route differently (kind or intent), by where their old route came from. */
  changed: { total: number; recorded: number; liveModel: number };
  /** Same kind and intent, but another confidence tier (act, confirm, lost): not counted as changed. */
  tierOnly: number;
}

/** Outcome of a replay: how many messages were compared, how many would change, and those (newest first, ≤ 500). */
export interface ShadowReplayReport {
  compared: number;
  changed: number;
  summary: ShadowReplaySummary;
  rows: ShadowReplayRow[];
}

/**
 * Replay the last `limit` real employee messages through the draft model and report the ones it would route
 * differently (kind or intent; see {@link routesDiffer}) from how the bot routed them at the time — the recorded
 * classification, or the live model re-run now for a message without one. Nothing is sent or stored: it only
 * classifies. The draft is trained in the runner's worker; the live model classifies here, yielding to the event loop
 * between chunks so employees' turns are not held up.
 */
export async function shadowReplay(deps: ShadowReplayDeps, draft: ModelSnapshot, limit: number): Promise<ShadowReplayReport> {
  const messages = await recentInbound(deps.db, limit);
  const texts = messages.map((m) => classifiableText(m.text));
  const drafted = await deps.runner.run({ type: 'understand', snapshot: draft, texts });
  const { thresholds } = deps.live;
  const summary: ShadowReplaySummary = { oldRouteSources: { recorded: 0, liveModel: 0 }, changed: { total: 0, recorded: 0, liveModel: 0 }, tierOnly: 0 };
  const rows: ShadowReplayRow[] = [];
  for (let i = 0; i < messages.length; i += 1) {
    if (i % 25 === 24) await new Promise((resolve) => setImmediate(resolve));
    const message = messages[i]!;
    const live = routeOf(deps.live.understander.understand(texts[i]!), thresholds);
    const source: OldRouteSource = message.recorded ? 'recorded' : 'live model';
    const old = message.recorded ? routeOf(message.recorded, thresholds) : live;
    const next = routeOf(drafted[i]!, thresholds);
    const key = message.recorded ? 'recorded' : 'liveModel';
    summary.oldRouteSources[key] += 1;
    if (onlyTierDiffers(old, next)) summary.tierOnly += 1;
    if (!routesDiffer(old, next)) continue;
    summary.changed.total += 1;
    summary.changed[key] += 1;
    rows.push({ messageId: message.id, at: message.at, text: message.text, old, oldRouteSource: source, live, draft: next });
  }
  return { compared: messages.length, changed: summary.changed.total, summary, rows: rows.slice(0, 500) };
}
