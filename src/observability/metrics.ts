import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** deskbot's Prometheus metrics, all on one registry that `GET /metrics` exposes. */
export interface DeskbotMetrics {
  readonly registry: Registry;
  /** Inbound messages by channel and understood kind. */
  messages: Counter<'channel' | 'kind'>;
  /** Tickets opened by kind and priority (1–4). */
  ticketsOpened: Counter<'kind' | 'priority'>;
  /** Knowledge answers the employee accepted or rejected ("did this solve it?"). */
  knowledgeAnswers: Counter<'outcome'>;
  /** Failures by stage (pipeline, adapter, http). */
  errors: Counter<'stage'>;
  /** Duplicate deliveries dropped, by channel. */
  duplicates: Counter<'channel'>;
  /** Time from message received to replies ready, in seconds, by channel. */
  turnSeconds: Histogram<'channel'>;
}

/** Create the metrics on a fresh registry (one per app, so tests can build several). */
export function createMetrics(options: { defaultMetrics?: boolean } = {}): DeskbotMetrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'deskbot_' });
  const registers = [registry];
  return {
    registry,
    messages: new Counter({ name: 'deskbot_messages_total', help: 'Inbound messages by channel and kind', labelNames: ['channel', 'kind'], registers }),
    ticketsOpened: new Counter({ name: 'deskbot_tickets_opened_total', help: 'Tickets opened', labelNames: ['kind', 'priority'], registers }),
    knowledgeAnswers: new Counter({ name: 'deskbot_knowledge_answers_total', help: 'Knowledge answers accepted or rejected', labelNames: ['outcome'], registers }),
    errors: new Counter({ name: 'deskbot_errors_total', help: 'Errors by stage', labelNames: ['stage'], registers }),
    duplicates: new Counter({ name: 'deskbot_duplicate_events_total', help: 'Redelivered inbound events dropped', labelNames: ['channel'], registers }),
    turnSeconds: new Histogram({
      name: 'deskbot_turn_seconds', help: 'Message to reply latency', labelNames: ['channel'], registers,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    }),
  };
}
