/**
 * Let the first of a run of equal messages through, then at most one per `everyMs` while they keep repeating: a
 * reconnecting client raises the same error every second, and an outage should cost a few log lines, not hundreds.
 * @returns true when `message` should be logged now
 */
export function repeatFilter(everyMs = 60_000, now: () => number = Date.now): (message: string) => boolean {
  let last = '';
  let loggedAt = -Infinity;
  return (message) => {
    const t = now();
    if (message === last && t - loggedAt < everyMs) return false;
    last = message;
    loggedAt = t;
    return true;
  };
}
