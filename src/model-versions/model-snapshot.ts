import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { IntentDefinition } from '../classification/types.js';
import { DeskbotError } from '../core/errors.js';

/** The intents, their examples and the out-of-scope examples of one model: what a version freezes and training reads. */
export interface ModelSnapshot {
  intents: IntentDefinition[];
  outOfScopeExamples: string[];
}

/** The ITIL-flavoured intent kinds an admin may choose. */
export const intentKinds = ['incident', 'service_request', 'question', 'ticket_status', 'greeting'] as const;

const level = z.union([z.literal(1), z.literal(2), z.literal(3)]);

/** One intent definition as stored in a snapshot and in deskbot's own import/export JSON. */
export const intentDefinitionSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(intentKinds),
  description: z.string().default(''),
  defaultImpact: level.default(3),
  defaultUrgency: level.default(3),
  askImpact: z.boolean().optional(),
  assignmentGroup: z.string().optional(),
  agentOnly: z.boolean().optional(),
  articleSlugs: z.array(z.string()).optional(),
  /** Only in deskbot JSON exports of the draft: a disabled intent is kept (false), never in a published snapshot. */
  enabled: z.boolean().optional(),
  examples: z.array(z.string()),
});

/** `{ intents, outOfScopeExamples }`: the shape of `prisma/seed/intents.json`, of snapshots and of deskbot JSON exports. */
export const modelSnapshotSchema = z.object({
  intents: z.array(intentDefinitionSchema),
  outOfScopeExamples: z.array(z.string()).default([]),
});

/**
 * Read a stored snapshot back.
 * @throws DeskbotError `internal` when the JSON is not a snapshot (a corrupted row)
 */
export function parseSnapshot(value: unknown): ModelSnapshot {
  const parsed = modelSnapshotSchema.safeParse(value);
  if (!parsed.success) throw new DeskbotError('internal', `stored model snapshot is invalid: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** Sort everything that has no meaning in its order, so equal catalogues hash alike. */
export function canonicalSnapshot(snapshot: ModelSnapshot): ModelSnapshot {
  const sortedUnique = (texts: string[]) => [...new Set(texts)].sort();
  return {
    intents: [...snapshot.intents]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((i) => ({
        name: i.name, kind: i.kind, description: i.description, defaultImpact: i.defaultImpact, defaultUrgency: i.defaultUrgency,
        ...(i.askImpact === false ? { askImpact: false } : {}),
        ...(i.assignmentGroup ? { assignmentGroup: i.assignmentGroup } : {}),
        agentOnly: i.agentOnly ?? false,
        articleSlugs: sortedUnique(i.articleSlugs ?? []),
        examples: sortedUnique(i.examples),
      })),
    outOfScopeExamples: sortedUnique(snapshot.outOfScopeExamples),
  };
}

/** SHA-256 (hex) of the canonical snapshot: equal for catalogues that train the same model. */
export function snapshotHash(snapshot: ModelSnapshot): string {
  return createHash('sha256').update(JSON.stringify(canonicalSnapshot(snapshot))).digest('hex');
}

/** Number of training texts: every intent's examples plus the out-of-scope ones. */
export function exampleCount(snapshot: ModelSnapshot): number {
  return snapshot.intents.reduce((n, i) => n + i.examples.length, 0) + snapshot.outOfScopeExamples.length;
}
