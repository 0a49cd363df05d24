import type { Db } from '../../db/client.js';

/**
 * The id of a model version named by its id or by its number (`2` or `v2`, as the admin page and the CLI show it).
 * @returns the id, or null when no version has that number (an id is returned as given: the caller looks it up)
 */
export async function versionIdOf(db: Db, ref: string): Promise<string | null> {
  const number = /^v?(\d{1,9})$/i.exec(ref)?.[1];
  if (!number) return ref;
  const row = await db.modelVersion.findUnique({ where: { number: Number(number) }, select: { id: true } });
  return row?.id ?? null;
}
