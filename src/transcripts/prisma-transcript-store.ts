import type { Db, Prisma } from '../db/client.js';
import { DeskbotError } from '../core/errors.js';
import type {
  AppendedActivity,
  TranscriptActivity,
  TranscriptConversation,
  TranscriptStore,
} from '../core/transcript-store.js';
import { toStorableJson } from '../db/storable-json.js';
import { createLruCache } from '../core/lru-cache.js';

const DEFAULT_PAGE = 500;
/** Most conversations remembered at once (a few MB at most). */
const maxCachedConversations = 10_000;

interface ActivityRow {
  id: bigint;
  conversationId: string;
  activity: Prisma.JsonValue;
}

/**
 * A {@link TranscriptStore} on the `DirectLineConversation` / `DirectLineActivity` tables. The row's autoincrement id is
 * the watermark, and the activity id is derived from it (`<conversationId>|<id padded to 7 digits>`, as Direct Line
 * spells them), so an append is a single insert. Strings are made storable first (NUL removed, lone surrogates
 * replaced), since PostgreSQL's jsonb refuses both.
 * Conversations found are remembered for `conversationCacheMs` (default 60 s; 0 turns it off): the row never changes
 * once made, and every POST and GET of activities looks its conversation up, which would otherwise be two statements
 * per message. A conversation not found is never remembered.
 * @param db a Prisma client or transaction client
 * @param options.conversationCacheMs how long a found conversation is served from memory
 * @param options.now clock in epoch milliseconds (tests)
 */
export function createPrismaTranscriptStore(db: Db, options: { conversationCacheMs?: number; now?: () => number } = {}): TranscriptStore {
  const cacheMs = options.conversationCacheMs ?? 60_000;
  const now = options.now ?? Date.now;
  const known = createLruCache<TranscriptConversation>(maxCachedConversations, cacheMs, now);
  const remember = (conversation: TranscriptConversation) => {
    if (cacheMs > 0) known.set(conversation.id, conversation);
  };
  // Raw SQL on the paths every message takes: Prisma 6's query compiler costs milliseconds per ORM call (prisma/orm#28845).
  const listAppended = async (conversationId: string, watermark?: string, limit = DEFAULT_PAGE): Promise<AppendedActivity[]> => {
    const rows = await db.$queryRaw<ActivityRow[]>`
      SELECT "id", "conversationId", "activity" FROM "DirectLineActivity"
      WHERE "conversationId" = ${conversationId} AND "id" > ${parseWatermark(watermark)}
      ORDER BY "id" LIMIT ${limit}`;
    return rows.map(toAppended);
  };
  return {
    async createConversation({ id, userId, userTenant }) {
      const row = await db.directLineConversation.create({ data: { id, userId: userId ?? null, userTenant: userId ? userTenant ?? null : null } });
      const conversation = toConversation(row);
      remember(conversation);
      return { ...conversation };
    },
    async getConversation(id) {
      const cached = known.get(id);
      if (cached) return { ...cached };
      const [row] = await db.$queryRaw<ConversationRow[]>`
        SELECT "id", "userId", "userTenant", "createdAt" FROM "DirectLineConversation" WHERE "id" = ${id}`;
      if (!row) return null;
      const conversation = toConversation(row);
      remember(conversation);
      return { ...conversation };
    },
    async append(conversationId, activity) {
      const { id: _ignored, ...rest } = toStorableJson(activity) as TranscriptActivity;
      const [row] = await db.$queryRaw<ActivityRow[]>`
        INSERT INTO "DirectLineActivity" ("conversationId", "activity") VALUES (${conversationId}, ${JSON.stringify(rest)}::jsonb)
        RETURNING "id", "conversationId", "activity"`;
      return toAppended(row!);
    },
    async appendMany(conversationId, activities) {
      if (!activities.length) return [];
      const stored = activities.map((a) => {
        const { id: _ignored, ...rest } = toStorableJson(a) as TranscriptActivity;
        return rest;
      });
      // One INSERT … SELECT in array order: the ids (watermarks) follow the order of the replies.
      const rows = await db.$queryRaw<ActivityRow[]>`
        INSERT INTO "DirectLineActivity" ("conversationId", "activity")
        SELECT ${conversationId}, t.value FROM jsonb_array_elements(${JSON.stringify(stored)}::jsonb) WITH ORDINALITY AS t(value, n)
        ORDER BY t.n
        RETURNING "id", "conversationId", "activity"`;
      return rows.sort((a, b) => (a.id < b.id ? -1 : 1)).map(toAppended);
    },
    async list(conversationId, watermark, limit = DEFAULT_PAGE) {
      const rows = await listAppended(conversationId, watermark, limit);
      return {
        activities: rows.map((r) => r.activity),
        watermark: rows.at(-1)?.watermark ?? parseWatermark(watermark).toString(),
      };
    },
    listAppended,
    async appendUnlessSeen(conversationId, activity, clientActivityId) {
      const { id: _ignored, ...rest } = toStorableJson(activity) as TranscriptActivity;
      // The look-up and the insert in one statement (one round trip on every Web Chat message): the insert runs only
      // when the look-up found nothing. As with a look-up then an insert, two instances taking the same retry at the
      // same moment may both append; the pipeline's event dedupe still answers it once.
      const [row] = await db.$queryRaw<Array<ActivityRow & { first: boolean }>>`
        WITH seen AS (
          SELECT "id", "conversationId", "activity" FROM "DirectLineActivity"
          WHERE "conversationId" = ${conversationId} AND "activity" -> 'channelData' ->> 'clientActivityID' = ${clientActivityId}
          ORDER BY "id" LIMIT 1
        ), ins AS (
          INSERT INTO "DirectLineActivity" ("conversationId", "activity")
          SELECT ${conversationId}, ${JSON.stringify(rest)}::jsonb WHERE NOT EXISTS (SELECT 1 FROM seen)
          RETURNING "id", "conversationId", "activity"
        )
        SELECT *, true AS "first" FROM ins UNION ALL SELECT *, false AS "first" FROM seen`;
      return { appended: toAppended(row!), first: row!.first };
    },
  };
}

/** Parse a watermark this store issued; undefined and '' mean "from the start". */
function parseWatermark(watermark: string | undefined): bigint {
  if (watermark === undefined || watermark === '') return 0n;
  if (!/^\d{1,19}$/.test(watermark)) {
    throw new DeskbotError('bad_request', `watermark must be a decimal number, got ${JSON.stringify(watermark.slice(0, 40))}`);
  }
  return BigInt(watermark);
}

function activityId(conversationId: string, rowId: bigint): string {
  return `${conversationId}|${rowId.toString().padStart(7, '0')}`;
}

function toAppended(row: { id: bigint; conversationId: string; activity: Prisma.JsonValue }): AppendedActivity {
  const id = activityId(row.conversationId, row.id);
  const stored = (row.activity ?? {}) as TranscriptActivity;
  return { id, watermark: row.id.toString(), activity: { ...stored, id } };
}

type ConversationRow = { id: string; userId: string | null; userTenant: string | null; createdAt: Date };

function toConversation(row: ConversationRow): TranscriptConversation {
  return { id: row.id, userId: row.userId, userTenant: row.userTenant, createdAt: row.createdAt };
}
