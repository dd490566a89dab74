import { describe, expect, it } from 'vitest';
import {
  isWithinWithdrawalPeriod,
  withdrawalDeclaredAt,
  withdrawalLastDay,
  withdrawalRefundBy,
} from './withdrawal-period';

// Art. L221-18 and L221-19 of the Code de la consommation, on the Paris calendar.
describe('the last day of the withdrawal period', () => {
  it.each([
    // Received on a Friday: the 14th day after is a Friday, a working day.
    ['a Friday delivery', '2026-12-04T10:00:00+01:00', '2026-12-18'],
    // Received on Monday 30 November: the 14th day is Monday 14 December.
    ['a Monday delivery', '2026-11-30T09:00:00+01:00', '2026-12-14'],
    // Received on Saturday 5 December: the 14th day is Saturday 19 December → Monday 21.
    ['a period ending on a Saturday', '2026-12-05T11:00:00+01:00', '2026-12-21'],
    // Received on Sunday 6 December: the 14th day is Sunday 20 December → Monday 21.
    ['a period ending on a Sunday', '2026-12-06T11:00:00+01:00', '2026-12-21'],
    // Received on Friday 11 December: the 14th day is Friday 25 December (Noël) → Monday 28.
    ['a period ending on Christmas Day', '2026-12-11T15:00:00+01:00', '2026-12-28'],
    // Received on Thursday 30 April 2026: the 14th day is Thursday 14 May 2026 (Ascension) → Friday 15.
    ['a period ending on Ascension Day', '2026-04-30T15:00:00+02:00', '2026-05-15'],
    // Received on Friday 17 April 2026: the 14th day is Friday 1 May (fête du Travail) → Monday 4.
    ['a period ending on 1 May, before a weekend', '2026-04-17T15:00:00+02:00', '2026-05-04'],
    // Received on Sunday 22 March 2026, across the change to summer time (29 March): Sunday 5
    // April → Monday 6 April is Easter Monday, a public holiday → Tuesday 7 April.
    ['a period across the change of hour and Easter', '2026-03-22T12:00:00+01:00', '2026-04-07'],
    // 23:30 UTC on Thursday is already Friday 00:30 in Paris: received on Friday 4 December.
    ['a delivery just after midnight in Paris', '2026-12-03T23:30:00Z', '2026-12-18'],
    // 22:59 UTC on Thursday is still Thursday 23:59 in Paris: received on Thursday 3 December.
    ['a delivery just before midnight in Paris', '2026-12-03T22:59:00Z', '2026-12-17'],
  ])('%s', (_case, receivedAt, lastDay) => {
    expect(withdrawalLastDay(new Date(receivedAt))).toBe(lastDay);
  });
});

describe('within the period', () => {
  it('until 24:00 in Paris on the last day, not a minute later', () => {
    expect(isWithinWithdrawalPeriod('2026-12-18', new Date('2026-12-18T22:59:59Z'))).toBe(true);
    expect(isWithinWithdrawalPeriod('2026-12-18', new Date('2026-12-18T23:00:00Z'))).toBe(false);
  });

  it('in summer, midnight in Paris is 22:00 UTC', () => {
    expect(isWithinWithdrawalPeriod('2026-05-15', new Date('2026-05-15T21:59:00Z'))).toBe(true);
    expect(isWithinWithdrawalPeriod('2026-05-15', new Date('2026-05-15T22:00:00Z'))).toBe(false);
  });
});

describe('the refund deadline (art. L221-24)', () => {
  it('is the 14th day after the declaration, on the Paris calendar', () => {
    expect(withdrawalRefundBy(new Date('2026-12-10T10:00:00Z'))).toBe('2026-12-24');
    // 00:30 on 11 December in Paris is still 10 December in UTC: the Paris day counts.
    expect(withdrawalRefundBy(new Date('2026-12-10T23:30:00Z'))).toBe('2026-12-25');
  });
});

describe('a declaration begun from "Renoncer au contrat ici"', () => {
  const asked = new Date('2026-12-18T22:50:00Z'); // 23:50 in Paris, on the last day
  it('counts from the request when confirmed within a day', () => {
    const confirmed = new Date('2026-12-18T23:20:00Z'); // 00:20 the next day in Paris
    expect(isWithinWithdrawalPeriod('2026-12-18', withdrawalDeclaredAt(confirmed, asked))).toBe(true);
    expect(isWithinWithdrawalPeriod('2026-12-18', confirmed)).toBe(false);
  });
  it('counts from the confirmation when the request is older than a day, or none was made', () => {
    const later = new Date('2026-12-20T10:00:00Z');
    expect(withdrawalDeclaredAt(later, asked)).toBe(later);
    expect(withdrawalDeclaredAt(later, null)).toBe(later);
  });
});
