import { describe, expect, test } from 'vitest';
import { onAccountState, orderStatusText } from './on-account';

describe('orders on account', () => {
  test('an order paid at the order keeps its status', () => {
    expect(onAccountState({ onAccount: false, invoiced: true })).toBeNull();
    expect(orderStatusText('paid', null)).toBe('payée');
  });

  test('a confirmed order on account is not « payée »: it is to invoice', () => {
    const state = onAccountState({ onAccount: true, invoiced: false });
    expect(state).toBe('to_invoice');
    expect(orderStatusText('paid', state)).toBe('confirmée, sur compte, à facturer');
  });

  test('once shipped with its invoice it is invoiced', () => {
    const state = onAccountState({ onAccount: true, invoiced: true });
    expect(orderStatusText('shipped', state)).toBe('expédiée, sur compte, facturée');
  });

  test('once its transfers cover the invoice it is paid', () => {
    const state = onAccountState({ onAccount: true, invoiced: true, paid: true });
    expect(state).toBe('paid');
    expect(orderStatusText('delivered', state)).toBe('livrée, sur compte, payée');
    expect(onAccountState({ onAccount: false, invoiced: true, paid: true })).toBeNull();
  });
});
