import { describe, expect, it } from 'vitest';
import { checkoutIdempotencyKey, checkoutSessionParams, type OrderForPayment } from './checkout-session-params';

const order: OrderForPayment = {
  id: 42,
  reference: 'LF-7K3P9QXW',
  email: 'lecteur@exemple.fr',
  totalCents: 2 * 2900 + 490,
  shippingCents: 490,
  shippingLabel: 'Livraison à domicile (Colissimo)',
  holdExpiresAt: new Date('2026-11-30T10:35:00Z'),
  lines: [{ ean: '9782296013681', title: "La coopération dans l'action publique", quantity: 2, unitPriceCents: 2900 }],
};

describe('checkoutSessionParams', () => {
  it('asks for the order total in euro cents, shipping as a line', () => {
    const params = checkoutSessionParams(order, 'https://librairie.example');
    expect(params.line_items).toEqual([
      {
        quantity: 2,
        price_data: {
          currency: 'eur',
          unit_amount: 2900,
          product_data: { name: "La coopération dans l'action publique", metadata: { ean: '9782296013681' } },
        },
      },
      {
        quantity: 1,
        price_data: { currency: 'eur', unit_amount: 490, product_data: { name: 'Livraison à domicile (Colissimo)' } },
      },
    ]);
    expect(params).toMatchObject({
      mode: 'payment',
      locale: 'fr',
      customer_email: 'lecteur@exemple.fr',
      client_reference_id: 'LF-7K3P9QXW',
      metadata: { order_id: '42', order_reference: 'LF-7K3P9QXW' },
      success_url: 'https://librairie.example/commande/confirmation?session_id={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://librairie.example/panier',
      expires_at: Date.parse('2026-11-30T10:35:00Z') / 1000,
    });
    expect(params).not.toHaveProperty('payment_method_types');
  });

  it('sends no shipping line for a free pickup', () => {
    const params = checkoutSessionParams({ ...order, shippingCents: 0, totalCents: 5800 }, 'http://localhost:3000');
    expect(params.line_items).toHaveLength(1);
  });

  it('refuses to charge anything but the order total', () => {
    expect(() => checkoutSessionParams({ ...order, totalCents: 1 }, 'http://x')).toThrow(/order total/);
  });

  it('derives the idempotency key from the order', () => {
    expect(checkoutIdempotencyKey(order)).toBe('checkout-session-LF-7K3P9QXW');
  });
});
