import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { checkTransfer, daysLate, invoiceBalance, isSettled, parseEuros, reminderVersion } from './transfers';

describe('amounts typed the French way', () => {
  test.each([
    ['1 234,56', 123_456],
    ['1\u00a0234,56', 123_456],
    ['1\u202f234,5', 123_450],
    ['80', 8_000],
    ['80,00 €', 8_000],
    ['0,07', 7],
    [' 12,3 ', 1_230],
  ])('%s → %i cents', (text, cents) => {
    expect(parseEuros(text)).toBe(cents);
  });

  test.each(['', 'abc', '12.50', '1,234', '-5', '12,345', '1 234,56,7'])('%s is refused', (text) => {
    expect(parseEuros(text)).toBeNull();
  });

  test('any amount in cents reads back from its French writing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (cents) => {
        const euros = Math.floor(cents / 100).toLocaleString('fr-FR');
        const written = `${euros},${String(cents % 100).padStart(2, '0')}`;
        expect(parseEuros(written)).toBe(cents);
      }),
    );
  });
});

describe('what remains due', () => {
  test('total less credit notes less transfers', () => {
    const balance = invoiceBalance({ totalCents: 10_000, creditedCents: 2_500, paidCents: 4_000 });
    expect(balance.dueCents).toBe(3_500);
    expect(isSettled(balance)).toBe(false);
    expect(isSettled(invoiceBalance({ totalCents: 10_000, creditedCents: 2_500, paidCents: 7_500 }))).toBe(true);
  });

  test('a credit note covering the whole invoice settles nothing: no money came', () => {
    expect(isSettled(invoiceBalance({ totalCents: 10_000, creditedCents: 10_000, paidCents: 0 }))).toBe(false);
  });

  test('a transfer may pay the rest, never more', () => {
    expect(checkTransfer('F2026-000001', 3_500, 3_500).ok).toBe(true);
    const over = checkTransfer('F2026-000001', 3_501, 3_500);
    expect(over.ok).toBe(false);
    if (!over.ok) {
      expect(over.code).toBe('OVERPAYMENT');
      expect(over.message).toContain('35,00');
    }
    const paid = checkTransfer('F2026-000001', 100, 0);
    expect(!paid.ok && paid.code).toBe('NOTHING_DUE');
    const zero = checkTransfer('F2026-000001', 0, 100);
    expect(!zero.ok && zero.code).toBe('INVALID_AMOUNT');
  });
});

describe('overdue', () => {
  test('days after the due date, none before', () => {
    expect(daysLate('2027-01-07', '2027-01-07')).toBe(0);
    expect(daysLate('2027-01-07', '2027-01-01')).toBe(0);
    expect(daysLate('2027-01-07', '2027-02-07')).toBe(31);
    // Across the change to summer time, still whole days.
    expect(daysLate('2027-03-27', '2027-03-29')).toBe(2);
  });

  test('one reminder version per day', () => {
    expect(reminderVersion('2027-01-07')).toBe(20_270_107);
  });
});
