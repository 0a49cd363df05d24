import { z } from 'zod';
import { intentKinds } from '../../model-versions/model-snapshot.js';
import { intentFileFormats, intentNamePattern, maxExampleChars } from '../formats/intent-file.js';

const level = z.union([z.literal(1), z.literal(2), z.literal(3)]);
// In NFC before the length check, as stored (normalExampleText): combining accents do not count twice.
const exampleText = z.string().transform((t) => t.normalize('NFC')).pipe(z.string().trim().min(1, 'An example is empty.').max(maxExampleChars, `An example is over ${maxExampleChars} characters.`));
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'A slug is lowercase letters, digits and dashes.');
const id = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'Not an id.');

/**
 * `:name` of an intent, in Unicode NFC as imports store names: `cafe\u0301` (a combining accent) and `café` are one
 * name, so one cannot slip past the duplicate-name check or miss a lookup.
 */
export const intentParams = z.object({
  name: z.string().transform((n) => n.normalize('NFC')).pipe(z.string().regex(intentNamePattern, 'Not an intent name (letters, digits, _ . -).')),
});
/** `:name/examples/:id`. */
export const exampleParams = intentParams.extend({ id });
/** `:slug` of a knowledge article. */
export const articleParams = z.object({ slug });
/** `:id` of a model version (or its number). */
export const versionParams = z.object({ id });

/** Settings of an intent; every field optional in a PATCH (so none may have a `default`: see `articleFields`). */
export const intentSettings = z.object({
  kind: z.enum(intentKinds),
  description: z.string().trim().max(300),
  defaultImpact: level,
  defaultUrgency: level,
  askImpact: z.boolean(),
  assignmentGroup: z.string().trim().max(100).nullable().transform((g) => g || null),
  agentOnly: z.boolean(),
  articleSlugs: z.array(slug).max(20).transform((s) => [...new Set(s)]),
  enabled: z.boolean(),
}).strict();

/** Body of `POST /api/admin/intents`. */
export const createIntentBody = intentSettings.partial().extend({
  name: intentParams.shape.name,
  kind: z.enum(intentKinds),
  examples: z.array(exampleText).max(5000).optional(),
}).strict();

/** Body of `PATCH /api/admin/intents/:name`. */
export const updateIntentBody = intentSettings.partial().refine((p) => Object.keys(p).length > 0, 'Nothing to change.');

/** Body of `POST /api/admin/intents/:name/examples`. */
export const addExamplesBody = z.object({ texts: z.array(exampleText).min(1).max(5000) }).strict();

/**
 * Fields of a knowledge article, with no defaults: a PATCH is `.partial()` of these, and a `default([])` there would
 * fill in every field the PATCH left out, clearing the article's tags and intents.
 */
const articleFields = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().min(1).max(100_000),
  tags: z.array(z.string().trim().min(1).max(50)).max(30),
  intents: z.array(intentParams.shape.name).max(30),
}).strict();

/** Body of `POST /api/admin/articles`. */
export const createArticleBody = articleFields.extend({
  slug,
  tags: articleFields.shape.tags.default([]),
  intents: articleFields.shape.intents.default([]),
}).strict();

/** Body of `PATCH /api/admin/articles/:slug`: only the fields sent change. */
export const updateArticleBody = articleFields.partial().refine((p) => Object.keys(p).length > 0, 'Nothing to change.');

/** An uploaded intent file: JSON `{ content, format? }` or the raw file as the body with `?format=`. */
export const fileBody = z.object({
  content: z.string().min(1, 'The file is empty.'),
  format: z.enum([...intentFileFormats, 'auto']).default('auto'),
}).strict();

/** Options of `POST /api/admin/import` (in the JSON body or the query string). */
export const importOptions = z.object({
  mode: z.enum(['merge', 'replace']).default('merge'),
  defaultKind: z.enum(intentKinds).default('question'),
});

/** Query of `GET /api/admin/export`. */
export const exportQuery = z.object({
  format: z.enum(intentFileFormats).default('deskbot'),
  /** A version id or number, or `draft` (default). */
  version: z.union([z.literal('draft'), id]).default('draft'),
});

/** Body of `POST /api/admin/evaluate/cross-validation`. */
export const crossValidationBody = z.object({ folds: z.number().int().min(2).max(10).default(5) }).strict().default({ folds: 5 });

/** Body of `POST /api/admin/shadow-replay`. */
export const shadowReplayBody = z.object({ limit: z.number().int().min(1).max(2000).default(200) }).strict().default({ limit: 200 });

/** Body of `POST /api/admin/versions`. */
export const publishBody = z.object({ note: z.string().trim().max(300).default('') }).strict().default({ note: '' });

/** Query of `GET /api/admin/inbox`. */
export const inboxQuery = z.object({ days: z.coerce.number().int().min(1).max(365).default(30) });

const messageIds = z.array(id).min(1).max(500);
/** Body of `POST /api/admin/inbox/add`. */
export const inboxAddBody = z.object({ messageIds, intent: intentParams.shape.name }).strict();
/** Body of `POST /api/admin/inbox/dismiss`. */
export const inboxDismissBody = z.object({ messageIds }).strict();
