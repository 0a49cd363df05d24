/**
 * When agents work, in one IANA time zone. `days` are ISO weekdays (1 Monday … 7 Sunday); `start` and `end` are
 * local `HH:MM` (end exclusive). Example: `{ timeZone: 'Europe/London', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:30' }`.
 */
export interface BusinessHours {
  timeZone: string;
  days: number[];
  start: string;
  end: string;
}

const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/**
 * A checker for business hours; with no hours configured the desk is always open.
 * @throws RangeError when the time zone is unknown (at construction, so bad configuration fails fast)
 */
export function createBusinessHours(hours?: BusinessHours): { isOpen(at: Date): boolean; nextOpening(from: Date): Date; describe(): string } {
  if (!hours) return { isOpen: () => true, nextOpening: (from) => from, describe: () => 'around the clock' };
  const format = new Intl.DateTimeFormat('en-GB', { timeZone: hours.timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  const isOpen = (at: Date) => {
    const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
    const minute = Number(parts.hour) * 60 + Number(parts.minute);
    return hours.days.includes(weekdays[parts.weekday!] ?? 0) && minute >= start && minute < end;
  };
  return {
    isOpen,
    nextOpening(from) {
      // Minute steps over at most eight days: cheap, and right across DST changes without date arithmetic.
      const t = new Date(Math.ceil(from.getTime() / 60_000) * 60_000);
      for (let i = 0; i < 8 * 24 * 60; i++, t.setTime(t.getTime() + 60_000)) if (isOpen(t)) return new Date(t);
      return from;
    },
    describe: () => `${hours.start}–${hours.end} (${hours.timeZone}) on ${hours.days.map((d) => Object.keys(weekdays)[d - 1]).join(', ')}`,
  };
}

function minutesOf(hhmm: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!match) throw new RangeError(`business hours: ${hhmm} is not HH:MM`);
  return Number(match[1]) * 60 + Number(match[2]);
}
