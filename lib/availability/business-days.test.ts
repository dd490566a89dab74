import { describe, expect, it } from 'vitest';

import { addBusinessDays, isBusinessDay, nextBusinessDay } from './business-days';
import { calendarDay, isoDay, toParisDay } from './paris-calendar';

describe('isBusinessDay', () => {
  it.each([
    '2027-01-01', // Jour de l'an
    '2027-03-29', // Lundi de Pâques
    '2027-05-06', // Ascension
    '2027-05-17', // Lundi de Pentecôte
    '2026-05-01', // Fête du travail (a Friday)
    '2026-05-08', // Victoire 1945 (a Friday)
    '2027-07-14',
    '2026-11-11',
    '2026-12-25',
  ])('is false on the public holiday %s', (day) => {
    const [year, month, date] = day.split('-').map(Number) as [number, number, number];
    expect(isBusinessDay(calendarDay(year, month, date))).toBe(false);
  });

  it('is false on weekends and true on ordinary weekdays', () => {
    expect(isBusinessDay(calendarDay(2027, 3, 27))).toBe(false); // Saturday
    expect(isBusinessDay(calendarDay(2027, 3, 28))).toBe(false); // Sunday, DST starts
    expect(isBusinessDay(calendarDay(2027, 3, 30))).toBe(true); // Tuesday
  });

  it('counts days off only in Alsace-Moselle as business days', () => {
    expect(isBusinessDay(calendarDay(2027, 3, 26))).toBe(true); // Good Friday
    expect(isBusinessDay(calendarDay(2025, 12, 26))).toBe(true); // Saint-Étienne, a Friday
  });

  it('counts the Friday "pont" after Ascension as a business day', () => {
    expect(isBusinessDay(calendarDay(2027, 5, 7))).toBe(true);
  });
});

describe('business-day arithmetic', () => {
  it('skips the Easter weekend and Easter Monday', () => {
    expect(isoDay(nextBusinessDay(calendarDay(2027, 3, 26)))).toBe('2027-03-30');
  });

  it('adds zero days as the same day, and crosses the new year', () => {
    expect(isoDay(addBusinessDays(calendarDay(2027, 3, 30), 0))).toBe('2027-03-30');
    expect(isoDay(addBusinessDays(calendarDay(2026, 12, 30), 2))).toBe('2027-01-04');
  });
});

describe('toParisDay', () => {
  it('gives the Paris calendar day and hour, across DST', () => {
    expect(toParisDay(new Date('2026-12-07T23:30:00Z'))).toEqual({ day: calendarDay(2026, 12, 8), hour: 0 });
    expect(toParisDay(new Date('2027-03-28T00:30:00Z'))).toEqual({ day: calendarDay(2027, 3, 28), hour: 1 });
    // Clocks went from 02:00 to 03:00 at 01:00 UTC that night.
    expect(toParisDay(new Date('2027-03-28T01:30:00Z'))).toEqual({ day: calendarDay(2027, 3, 28), hour: 3 });
    expect(toParisDay(new Date('2027-03-28T22:30:00Z'))).toEqual({ day: calendarDay(2027, 3, 29), hour: 0 });
  });
});
