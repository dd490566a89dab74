import { describe, expect, it } from 'vitest';
import { CheckoutFormSchema } from './checkout';
import { fieldErrors } from './zod-errors';

const valid = {
  email: ' Lecteur@Exemple.fr ',
  fullName: 'Camille Martin',
  phone: '06 12 34 56 78',
  deliveryMethod: 'home_delivery',
  addressLine1: '12 rue Soufflot',
  addressLine2: '',
  postalCode: '75005',
  city: 'Paris',
};

describe('CheckoutFormSchema', () => {
  it('accepts a home delivery and normalises the e-mail', () => {
    const form = CheckoutFormSchema.parse(valid);
    expect(form.email).toBe('lecteur@exemple.fr');
    expect(form.addressLine2).toBeUndefined();
  });

  it('needs no address for pickup in the shop', () => {
    const form = CheckoutFormSchema.parse({
      ...valid,
      deliveryMethod: 'shop_pickup',
      addressLine1: '',
      postalCode: '',
      city: '',
    });
    expect(form.deliveryMethod).toBe('shop_pickup');
  });

  it.each(['20000', '20290', '98000', '98090', '01000', '95999'])(
    'delivers to postcode %s (Corsica, Monaco)',
    (postalCode) => {
      expect(CheckoutFormSchema.safeParse({ ...valid, postalCode }).success).toBe(true);
    },
  );

  it.each(['+33 6 12 34 56 78', '0033612345678', '01.23.45.67.89'])('accepts phone %s', (phone) => {
    expect(CheckoutFormSchema.safeParse({ ...valid, phone }).success).toBe(true);
  });

  it.each([
    ['+49 151 12345678', '+4915112345678'],
    ['0041 79 123 45 67', '+41791234567'],
    ['+1 (415) 555-0123', '+14155550123'],
  ])('accepts a foreign number %s as E.164 %s', (phone, stored) => {
    expect(CheckoutFormSchema.parse({ ...valid, phone }).phone).toBe(stored);
  });

  it('needs no phone for a pickup, and one for a delivery (the carrier calls)', () => {
    expect(CheckoutFormSchema.parse({ ...valid, deliveryMethod: 'shop_pickup', phone: '' }).phone).toBe('');
    const delivered = CheckoutFormSchema.safeParse({ ...valid, phone: ' ' });
    expect(delivered.success).toBe(false);
    if (!delivered.success) expect(fieldErrors(delivered.error).phone).toContain('le transporteur en a besoin');
  });

  it.each([
    ['postalCode', '7500', 'Code postal de France métropolitaine'],
    ['postalCode', '00123', 'Code postal de France métropolitaine'],
    ['postalCode', '99000', 'Code postal de France métropolitaine'],
    ['postalCode', '97400', 'Code postal de France métropolitaine'],
    ['postalCode', '98600', 'Code postal de France métropolitaine'],
    ['postalCode', '98800', 'Code postal de France métropolitaine'],
    ['fullName', 'Camille\u0000Martin', 'caractères non autorisés'],
    ['addressLine1', '12 rue\u001b[31m Soufflot', 'caractères non autorisés'],
    ['city', 'Paris\u0007', 'caractères non autorisés'],
    ['phone', '12345', 'Numéro de téléphone'],
    ['phone', '06 12 34 56', 'Numéro de téléphone'],
    ['email', 'pas-un-email', 'Adresse e-mail invalide'],
    ['fullName', '   ', 'Indiquez vos nom et prénom'],
    ['addressLine1', '', 'Indiquez l’adresse'],
    ['city', '', 'Indiquez la ville'],
    ['deliveryMethod', 'drone', 'Choisissez un mode de livraison'],
  ])('explains a bad %s (%s) next to the field', (field, value, message) => {
    const result = CheckoutFormSchema.safeParse({ ...valid, [field]: value });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrors(result.error)[field]).toContain(message);
  });

  it('asks for empty required fields rather than calling them invalid', () => {
    const result = CheckoutFormSchema.safeParse({ ...valid, email: '', fullName: ' ' });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrors(result.error)).toMatchObject({
        email: 'Indiquez votre adresse e-mail.',
        fullName: 'Indiquez vos nom et prénom.',
      });
    }
  });

  it('reports every missing field of an empty form', () => {
    const result = CheckoutFormSchema.safeParse({});
    expect(result.success).toBe(false);
    if (!result.success)
      expect(Object.keys(fieldErrors(result.error)).sort()).toEqual(['deliveryMethod', 'email', 'fullName']);
  });
});
