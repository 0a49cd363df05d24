import type { VersionKey } from '../../model-versions/live-model.js';

/**
 * The unique key of a model version named by its id or by its number (`2` or `v2`, as the admin page and the CLI
 * show it), for the caller's one lookup of it.
 */
export function versionKeyOf(ref: string): VersionKey {
  const number = /^v?(\d{1,9})$/i.exec(ref)?.[1];
  return number ? { number: Number(number) } : { id: ref };
}
