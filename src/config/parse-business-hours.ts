import type { BusinessHours } from '../escalation/business-hours.js';

const dayNumbers: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

/**
 * Read `BUSINESS_HOURS`: days, a local time range and an IANA time zone, e.g. `Mon-Fri 09:00-17:30 Europe/London`
 * or `Mon,Wed,Fri 08:00-12:00 UTC` (day ranges wrap: `Sat-Sun`). Unset or empty → undefined (always open).
 * @returns the hours, or a reason the value cannot be read
 */
export function parseBusinessHours(value: string | undefined): BusinessHours | undefined | { error: string } {
  const text = value?.trim();
  if (!text) return undefined;
  const m = /^(?<days>[A-Za-z]{3}(?:-[A-Za-z]{3})?(?:,[A-Za-z]{3}(?:-[A-Za-z]{3})?)*)\s+(?<start>\d{2}:\d{2})-(?<end>\d{2}:\d{2})\s+(?<zone>\S+)$/.exec(text);
  if (!m?.groups) return { error: 'expected days, hours and a time zone, e.g. "Mon-Fri 09:00-17:30 Europe/London"' };
  const { start, end, zone } = m.groups as { start: string; end: string; zone: string };
  const days = new Set<number>();
  for (const part of m.groups.days!.split(',')) {
    const [from, to] = part.split('-').map((d) => dayNumbers[d.toLowerCase()]);
    if (!from || (part.includes('-') && !to)) return { error: `unknown day in "${part}" (use Mon … Sun)` };
    for (let d = from; ; d = (d % 7) + 1) {
      days.add(d);
      if (!to || d === to) break;
    }
  }
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  if ([start, end].some((t) => Number(t.slice(0, 2)) > 24 || Number(t.slice(3)) > 59 || minutes(t) > 24 * 60)) return { error: `bad time in "${start}-${end}"` };
  if (minutes(start) >= minutes(end)) return { error: `the start ${start} must be before the end ${end}` };
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
  } catch {
    return { error: `unknown time zone "${zone}" (use an IANA name such as Europe/London)` };
  }
  return { timeZone: zone, days: [...days].sort((a, b) => a - b), start, end };
}
