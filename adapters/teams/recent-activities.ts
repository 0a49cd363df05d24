/**
 * Activity ids this process has already acted on outside the pipeline (welcomes, agent-channel actions and thread
 * replies), so a resent activity is not acted on twice. The pipeline's own dedupe is in the database; this one is in
 * memory, bounded to the most recent `capacity` ids.
 */
export interface RecentActivities {
  /** Records the key and returns true the first time it is seen; false for a repeat. */
  first(key: string): boolean;
}

export function createRecentActivities(capacity = 20_000): RecentActivities {
  const seen = new Set<string>();
  return {
    first(key) {
      if (seen.has(key)) return false;
      if (seen.size >= capacity) seen.delete(seen.values().next().value as string);
      seen.add(key);
      return true;
    },
  };
}
