import type { Db } from '../../db/client.js';

/**
 * The draft's spelling of an intent name given in any case: names are unique ignoring case, so `printer_jam` in a
 * URL finds `Printer_Jam`. The exact spelling wins; a name the draft does not have comes back unchanged (the caller's
 * lookup then answers not_found as before).
 */
export async function storedIntentName(db: Db, name: string): Promise<string> {
  // lower() = lower(), as the unique index "Intent_name_lower_key" compares (no LIKE: `_` would be a wildcard).
  const rows = await db.$queryRaw<Array<{ name: string }>>`SELECT "name" FROM "Intent" WHERE lower("name") = lower(${name}) LIMIT 1`;
  return rows[0]?.name ?? name;
}
