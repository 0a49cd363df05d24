import type { Db } from './client.js';

/**
 * Check the database answers `SELECT 1`, for readiness probes.
 * @param timeoutMs give up after this many milliseconds (default 2000): a probe must not hang on an unreachable host
 * @returns true when it answered in time, false on any error or timeout (never throws)
 */
export async function pingDatabase(db: Db, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const query = db.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`.then((rows) => rows[0]?.ok === 1).catch(() => false);
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
