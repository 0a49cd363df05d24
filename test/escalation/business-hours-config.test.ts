import { expect, test } from 'vitest';
import { loadConfig } from '../../src/config/config.js';

test('BUSINESS_HOURS reads days, hours and a time zone; unset means always open', () => {
  expect(loadConfig({}).BUSINESS_HOURS).toBeUndefined();
  expect(loadConfig({ BUSINESS_HOURS: 'Mon-Fri 09:00-17:30 Europe/London' }).BUSINESS_HOURS)
    .toEqual({ timeZone: 'Europe/London', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:30' });
  expect(loadConfig({ BUSINESS_HOURS: 'mon,wed,Sat-Sun 08:00-12:00 UTC' }).BUSINESS_HOURS)
    .toEqual({ timeZone: 'UTC', days: [1, 3, 6, 7], start: '08:00', end: '12:00' });
  expect(loadConfig({ BUSINESS_HOURS: 'Fri-Mon 00:00-24:00 Asia/Tokyo' }).BUSINESS_HOURS?.days).toEqual([1, 5, 6, 7]);
});

test.each([
  ['9 to 5', /expected days, hours and a time zone/],
  ['Mon-Fry 09:00-17:00 UTC', /unknown day/],
  ['Mon-Fri 17:00-09:00 UTC', /must be before/],
  ['Mon-Fri 09:00-25:00 UTC', /bad time/],
  ['Mon-Fri 09:00-17:00 Mars/Olympus', /unknown time zone/],
])('a BUSINESS_HOURS of "%s" stops start-up with a message naming it', (value, reason) => {
  expect(() => loadConfig({ BUSINESS_HOURS: value })).toThrow(/BUSINESS_HOURS/);
  expect(() => loadConfig({ BUSINESS_HOURS: value })).toThrow(reason);
});
