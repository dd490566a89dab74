import { expect, test } from 'vitest';
import { checkPaymentTerm, maxPaymentTermDays } from './payment-terms';

test.each([
  [60, false, true, 'C. com. L441-10: 60 days between businesses'],
  [61, false, false, 'C. com. L441-10'],
  [30, true, true, 'CCP R2192-10: 30 days for a public buyer'],
  [45, true, false, 'CCP R2192-10'],
  [0, true, true, 'payable on receipt'],
])('%d days, public buyer %s: accepted %s (%s)', (days, publicBuyer, accepted) => {
  expect(checkPaymentTerm(days, publicBuyer).ok).toBe(accepted);
});

test('the refusal cites the article', () => {
  expect(checkPaymentTerm(90, false)).toMatchObject({
    message: expect.stringContaining('Code de commerce, art. L441-10'),
  });
  expect(checkPaymentTerm(45, true)).toMatchObject({
    message: expect.stringContaining('Code de la commande publique, art. R2192-10'),
  });
  expect(maxPaymentTermDays(true)).toBe(30);
});

test('a monthly statement is paid within 45 days of it (C. com. L441-10, I)', () => {
  expect(checkPaymentTerm(45, false, true).ok).toBe(true);
  expect(checkPaymentTerm(60, false, true)).toMatchObject({
    ok: false,
    message: expect.stringContaining('L441-10, I'),
  });
  expect(checkPaymentTerm(60, false, false).ok).toBe(true);
});
