import { describe, expect, it } from 'vitest';
import { OnAccountFormSchema } from './orders-on-account';

describe('the order on account form', () => {
  const form = { fullName: 'Camille Acquéreuse', deliveryMethod: 'shop_pickup' };
  it('takes an organisation id', () =>
    expect(OnAccountFormSchema.parse({ ...form, organisationId: '12' }).organisationId).toBe(12));
  it.each(['1e10', '2147483648', '-1', '1.5', 'x'])('refuses « %s » in French, before the database sees it', (id) => {
    const parsed = OnAccountFormSchema.safeParse({ ...form, organisationId: id });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('Choisissez l’organisation.');
  });
});
