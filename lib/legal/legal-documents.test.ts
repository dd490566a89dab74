import { describe, expect, it } from 'vitest';
import { DEFAULT_SHOP_SETTINGS, type ShopSettings } from '@/lib/shop/settings';
import { inlineText, type TermsBlock, type TermsDocument } from '@/lib/terms/terms-document';
import { accessibilityStatement } from './accessibility-statement';
import { legalNotice, registration } from './legal-notice';
import { privacyNotice } from './privacy-notice';
import { RETENTION } from './retention';

/** Every word of a document, as a reader (or a search) reads it. */
function textOf(document: TermsDocument): string {
  const block = (b: TermsBlock): string => {
    switch (b.type) {
      case 'paragraph':
        return inlineText(b.parts);
      case 'list':
        return b.items.join('\n');
      case 'address':
        return b.lines.join('\n');
      case 'table':
        return [b.caption, ...b.rows.flat()].join('\n');
      case 'frame':
        return [b.title, ...b.lines].join('\n');
    }
  };
  return [
    ...document.intro.map(block),
    ...document.sections.flatMap((section) => [section.heading, ...section.blocks.map(block)]),
  ].join('\n');
}

const shop: ShopSettings = DEFAULT_SHOP_SETTINGS;

describe('the mentions légales (loi n° 2004-575, art. 1-1; C. com. R123-237)', () => {
  const text = textOf(legalNotice(shop, 'https://librairie.example'));

  it('give every fact of the publisher and the host', () => {
    for (const fact of [
      shop.legalName,
      'Forme juridique : SAS',
      'Capital social : 10\u202f000,00\u00a0€',
      'Siège social : 12 rue Soufflot, 75005 Paris',
      'RCS Paris 812 345 676',
      `TVA intracommunautaire : ${shop.vatNumber}`,
      `Téléphone : ${shop.phone}`,
      `Courriel : ${shop.email}`,
      `Directeur ou directrice de la publication : ${shop.publicationDirector}`,
      `Nom : ${shop.hostName}`,
      `Adresse : ${shop.hostAddress}`,
      `Téléphone : ${shop.hostPhone}`,
      shop.mediatorName,
    ])
      expect(text).toContain(fact);
  });

  it('say what is missing rather than leave it blank, and write the registration as R123-237 does', () => {
    const unfilled = textOf(legalNotice({ ...shop, publicationDirector: '', hostName: ' ' }, 'https://x.example'));
    expect(unfilled).toContain('Directeur ou directrice de la publication : à renseigner dans les réglages');
    expect(unfilled).toContain('Nom : à renseigner dans les réglages');
    expect(registration({ siret: '81234567600009', rcsCity: null })).toBe('SIREN 812 345 676');
    expect(textOf(legalNotice({ ...shop, shareCapitalCents: null }, 'https://x.example'))).not.toContain('Capital');
  });
});

describe('the privacy notice (RGPD art. 13)', () => {
  const text = textOf(privacyNotice(shop));

  it('names the controller, the purposes with their legal bases, the recipients, the transfers and the rights', () => {
    expect(text).toContain(`Le responsable du traitement de vos données est ${shop.legalName}`);
    for (const basis of ['art. 6.1.b', 'art. 6.1.c', 'art. 6.1.f']) expect(text).toContain(basis);
    for (const recipient of ['Stripe', 'hébergeur', 'Colissimo', 'courriels']) expect(text).toContain(recipient);
    expect(text).toContain('Data Privacy Framework');
    for (const right of ['art. 15 et 20', 'art. 16', 'art. 17', 'art. 18', 'art. 21', 'CNIL'])
      expect(text).toContain(right);
  });

  it('states the periods the purge enforces, and the only cookies the site sets', () => {
    expect(text).toContain(`anonymisée ${RETENTION.unpaidOrderDays} jours après`);
    expect(text).toContain(`anonymisés ${RETENTION.paidOrderContactYears} ans après le paiement`);
    expect(text).toContain(`${RETENTION.invoiceYears} ans`);
    expect(text).toContain(`${RETENTION.emailBodyDays} jours`);
    for (const cookie of ['panier', 'librairie-equipe', 'librairie-appareil']) expect(text).toContain(cookie);
    expect(text).toContain('art. 82');
  });
});

describe('the accessibility statement', () => {
  it('is honest: not audited, what is checked, the known gaps, whom to tell', () => {
    const text = textOf(accessibilityStatement(shop));
    expect(text).toContain('non audité');
    expect(text).toContain('axe-core');
    expect(text).toContain('Limites connues');
    expect(text).toContain('Défenseur des droits');
    expect(text).toContain(shop.email);
    expect(text).not.toContain('exemptée');
  });

  it('says a micro-enterprise is exempt, and is published all the same', () => {
    expect(textOf(accessibilityStatement({ ...shop, microEnterprise: true }))).toContain('exemptée');
  });
});
