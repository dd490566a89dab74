import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SHOP_SETTINGS,
  isValidFrenchVatNumber,
  isValidSiret,
  parseStoredShippingTable,
  hasPlaceholderMediator,
  settingsFormValues,
  ShopSettingsFormSchema,
} from './settings';

describe('SIRET and VAT number', () => {
  it.each([
    ['81234567600009', true],
    ['81234567600008', false],
    ['8123456760000', false],
    ['8123456760000A', false],
  ])('SIRET %s → %s', (siret, valid) => {
    expect(isValidSiret(siret)).toBe(valid);
  });
  it.each([
    ['FR19812345676', '812345676', true],
    ['FR18812345676', '812345676', false],
    ['FR19812345676', '999999999', false],
    ['DE19812345676', undefined, false],
  ])('VAT %s for SIREN %s → %s', (vat, siren, valid) => {
    expect(isValidFrenchVatNumber(vat, siren)).toBe(valid);
  });
});

describe('ShopSettingsFormSchema', () => {
  const form = settingsFormValues(DEFAULT_SHOP_SETTINGS);

  it('reads back the defaults it shows: the form and the stored settings agree', () => {
    expect(ShopSettingsFormSchema.parse(form)).toEqual(DEFAULT_SHOP_SETTINGS);
  });

  it('reads the publisher: no capital for an EI, no RCS city, the micro-enterprise box', () => {
    const parsed = ShopSettingsFormSchema.parse({ ...form, shareCapital: '', rcsCity: '', microEnterprise: 'on' });
    expect(parsed).toMatchObject({ shareCapitalCents: null, rcsCity: null, microEnterprise: true });
    expect(ShopSettingsFormSchema.parse({ ...form, shareCapital: '7500,50' }).shareCapitalCents).toBe(750_050);
    expect(ShopSettingsFormSchema.parse({ ...form, microEnterprise: undefined }).microEnterprise).toBe(false);
  });

  it('takes the shop’s GLN with its GS1 check digit, or none', () => {
    expect(ShopSettingsFormSchema.parse({ ...form, gln: ' 3012345 000017 ' }).gln).toBe('3012345000017');
    expect(ShopSettingsFormSchema.parse({ ...form, gln: '' }).gln).toBeNull();
    const wrong = ShopSettingsFormSchema.safeParse({ ...form, gln: '3012345000018' });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toContain('GLN invalide');
  });

  it('takes the IBAN organisations pay to, checked by its ISO 13616 key, and its BIC', () => {
    const parsed = ShopSettingsFormSchema.parse({
      ...form,
      iban: 'fr76 3000 6000 0112 3456 7890 189',
      bic: 'agrifrpp',
    });
    expect(parsed).toMatchObject({ iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP' });
    const wrong = ShopSettingsFormSchema.safeParse({ ...form, iban: 'FR7630006000011234567890188' });
    expect(wrong.error?.issues[0]?.message).toContain('IBAN invalide');
    expect(ShopSettingsFormSchema.safeParse({ ...form, bic: 'AGRI' }).success).toBe(false);
  });

  it('knows the demo’s mediator is a placeholder, and a real one is not', () => {
    expect(hasPlaceholderMediator(DEFAULT_SHOP_SETTINGS)).toBe(true);
    expect(hasPlaceholderMediator({ mediatorName: 'Médiateur à désigner' })).toBe(true);
    expect(hasPlaceholderMediator({ mediatorName: 'Médiateur du livre' })).toBe(false);
  });

  it('takes euros typed with a comma or a dot, and builds the fee table', () => {
    const parsed = ShopSettingsFormSchema.parse({
      ...form,
      homeFeeBelowThreshold: '5,5',
      homeThreshold: '40',
      homeFeeFromThreshold: '0.01',
    });
    expect(parsed.shippingTable.home_delivery.tiers).toEqual([
      { fromGoodsCents: 0, feeCents: 550 },
      { fromGoodsCents: 4000, feeCents: 1 },
    ]);
  });

  it.each([
    ['siret', '81234567600008', 'SIRET invalide'],
    ['vatNumber', 'FR18812345676', 'Numéro de TVA invalide'],
    ['homeThreshold', '0', 'supérieur à 0'],
    ['homeFeeBelowThreshold', '-1', 'montant en euros'],
    ['orderCutoffHour', '24', 'entre 0 et 23'],
    ['mediatorUrl', 'http://mediateur.example', 'https'],
    ['legalName', 'Librairie\u0000 SAS', 'caractères non autorisés'],
    ['postalCode', '7500', '5 chiffres'],
    ['publicationDirector', '', 'directeur de la publication'],
    ['hostName', '', 'hébergeur'],
    ['shareCapital', '10 000 €', 'Capital social'],
  ])('refuses a bad %s (%s) with a French message', (field, value, message) => {
    const result = ShopSettingsFormSchema.safeParse({ ...form, [field]: value });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((issue) => issue.message).join(' ')).toContain(message);
  });
});

describe('parseStoredShippingTable', () => {
  it('accepts a stored table and refuses a broken one', () => {
    expect(parseStoredShippingTable(DEFAULT_SHOP_SETTINGS.shippingTable)).toEqual(DEFAULT_SHOP_SETTINGS.shippingTable);
    expect(() => parseStoredShippingTable({ home_delivery: { label: 'x', tiers: [] } })).toThrow();
    const unsorted = structuredClone(DEFAULT_SHOP_SETTINGS.shippingTable) as unknown as {
      home_delivery: { tiers: unknown[] };
    };
    unsorted.home_delivery.tiers.reverse();
    expect(() => parseStoredShippingTable(unsorted)).toThrow(/first tier|sorted/);
  });

  it('reads a table stored with the old per-parcel key as the same fee per order', () => {
    const old = JSON.parse(
      JSON.stringify(DEFAULT_SHOP_SETTINGS.shippingTable).replaceAll('"feeCents"', '"feePerParcelCents"'),
    ) as unknown;
    expect(parseStoredShippingTable(old)).toEqual(DEFAULT_SHOP_SETTINGS.shippingTable);
  });
});
