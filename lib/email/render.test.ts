import { describe, expect, it } from 'vitest';
import { formatPrice } from '@/lib/core/money';
import { AVAILABILITY_ALERT_EMAIL_KINDS, EMAIL_KINDS, isAvailabilityAlertKind } from './kinds';
import type { EmailBookRequest, EmailPayload } from './payload';
import { EmailPayloadSchema } from './payload';
import { renderEmail } from './render';
import { pricedTestOrder, TEST_SHOP, visibleText } from './test-fixtures';
import { DEFAULT_SHOP_SETTINGS } from '@/lib/shop/settings';
import { currentTerms } from '@/lib/terms/current-terms';
import { LEGAL_GUARANTEE_BOX } from '@/lib/terms/legal-guarantee';
import { TERMS_VERSION, termsVersionLabel } from '@/lib/terms/version';

const links = { siteUrl: 'https://librairie.example', trackingUrl: 'https://librairie.example/suivi/abcDEF123_-xyz' };
const order = pricedTestOrder({ termsVersion: TERMS_VERSION });
const request: EmailBookRequest = {
  reference: 'DL-4M8N2P6Q',
  fullName: 'Camille Martin',
  requestedAt: '2026-12-07T09:30:00.000Z',
  ean: '9782247203850',
  title: 'Les grands arrêts de la jurisprudence administrative',
  author: 'Marceau Long',
  publisher: 'Dalloz',
  quantity: 1,
  message: 'Pour mon TD de jeudi',
};

const alertBook = {
  ean: '9782247203850',
  title: 'Les grands arrêts de la jurisprudence administrative',
  authors: 'Marceau Long, Prosper Weil',
  priceCents: 4200,
};

/** Every kind about an order, a request or an alert, with figures of its own (the sign-in e-mail and the reminder: below). */
type AboutSomething = Exclude<(typeof EMAIL_KINDS)[number], 'sign_in_link' | 'payment_reminder'>;
const ABOUT_SOMETHING = EMAIL_KINDS.filter(
  (kind): kind is AboutSomething => kind !== 'sign_in_link' && kind !== 'payment_reminder',
);
const payloads: Record<AboutSomething, EmailPayload> = {
  order_confirmation: { kind: 'order_confirmation', order, terms: null },
  payment_failed: { kind: 'payment_failed', order },
  payment_expired: { kind: 'payment_expired', order },
  shipped: {
    kind: 'shipped',
    order,
    shipment: {
      carrier: 'colissimo',
      trackingNumber: '6A12345678901',
      trackingUrl: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901',
    },
  },
  ready_for_pickup: { kind: 'ready_for_pickup', order },
  delayed: { kind: 'delayed', order },
  refunded: {
    kind: 'refunded',
    order,
    refund: {
      amountCents: 1550 + 490,
      shippingCents: 490,
      extraCents: 0,
      lines: [{ title: 'Droit administratif', quantity: 1, amountCents: 1550 }],
      refundedTotalCents: 2040,
    },
  },
  withdrawal_received: {
    kind: 'withdrawal_received',
    order,
    withdrawal: {
      declarantName: 'Camille Martin',
      declaredAt: '2026-12-10T10:00:00.000Z',
      wholeOrder: false,
      reason: 'Acheté en double',
      lines: [{ title: 'Droit administratif', quantity: 1 }],
      refundBy: '2026-12-24',
      booksLeftShop: true,
    },
  },
  tracking_link: { kind: 'tracking_link', order, purpose: 'tracking' },
  book_request_received: { kind: 'book_request_received', request },
  book_request_answered: {
    kind: 'book_request_answered',
    request,
    answer: {
      outcome: 'ordered',
      orderReference: 'LF-9Q2W8E7R',
      title: 'Les grands arrêts de la jurisprudence administrative',
      quantity: 1,
      totalCents: 4200,
      payAtPickup: true,
      availableLatestOn: '2026-12-18',
    },
  },
  availability_alert_confirm: { kind: 'availability_alert_confirm', alert: alertBook },
  availability_alert_available: { kind: 'availability_alert_available', alert: alertBook },
  availability_alert_out_of_print: { kind: 'availability_alert_out_of_print', alert: alertBook },
};

describe('the order priced for these tests', () => {
  it('has the real figures of lib/pricing: 29 € + 2 × 15,50 €, 0,01 € of delivery from 35 €, VAT at 5,5 %', () => {
    expect(order.goodsCents).toBe(6000);
    expect(order.shippingCents).toBe(1);
    expect(order.totalCents).toBe(6001);
    expect(order.vat).toEqual([{ rateBasisPoints: 550, baseExclVatCents: 5688, vatCents: 313, inclVatCents: 6001 }]);
  });
});

// An alert is no order and names nobody: it has its own tests below.
describe.each(ABOUT_SOMETHING.filter((kind) => !isAvailabilityAlertKind(kind)))('the %s e-mail', (kind) => {
  it('renders in HTML and plain text, in French, with the order and the shop’s identity', async () => {
    const payload = EmailPayloadSchema.parse(JSON.parse(JSON.stringify(payloads[kind])));
    const email = await renderEmail(payload, TEST_SHOP, links);
    expect(email.subject).toContain('request' in payload ? payload.request.reference : 'LF-7K3P9QXW');
    expect(email.html).toMatch(/^<!doctype html>/i);
    expect(email.html).toContain('lang="fr"');
    for (const body of [visibleText(email.html), email.text]) {
      expect(body).toContain('Bonjour Camille Martin');
      expect(body).toContain('Librairie des Facultés SAS — 2 place de la Sorbonne, 75005 Paris');
      expect(body).toContain('SIRET 90123456700012');
      expect(body).toContain('Médiateur de la consommation : Médiateur du livre (https://www.mediateurdulivre.fr)');
      expect(body).toContain('contact@librairie-des-facultes.example');
    }
  });
});

describe('the sign-in e-mail (/compte/connexion)', async () => {
  const signIn = { url: 'https://librairie.example/compte/connexion/lien?jeton=abcDEF123_-xyz', code: '042917' };
  const payload = EmailPayloadSchema.parse({ kind: 'sign_in_link', requestedAt: '2026-12-07T09:30:00.000Z' });
  const email = await renderEmail(payload, TEST_SHOP, { ...links, trackingUrl: null, signIn });

  it('carries the link as a button and in the text, the code, and how long they last', () => {
    expect(email.html).toContain(`href="${signIn.url}"`);
    expect(email.text).toContain(`Me connecter :\n${signIn.url}`);
    for (const body of [visibleText(email.html), email.text]) {
      expect(body).toContain('saisissez sur la page de connexion votre code de connexion : 042917');
      expect(body).toContain('valables 15 minutes, une seule fois');
      expect(body).toContain('SIRET 90123456700012');
    }
  });

  it('says nothing of whether an account exists, and cannot be rendered without its secrets', async () => {
    expect(email.text).not.toMatch(/créé|bienvenue|existe/i);
    await expect(renderEmail(payload, TEST_SHOP, links)).rejects.toThrow('link and code');
  });
});

describe('the confirmation (Code de la consommation, art. L221-13)', async () => {
  const email = await renderEmail(payloads.order_confirmation, TEST_SHOP, links);
  const html = visibleText(email.html);

  it('lists items, prices, delivery fee, total and VAT with the real figures', () => {
    for (const body of [html, email.text]) {
      expect(body).toContain('La coopération dans l’action publique');
      expect(body).toContain(`2 × ${formatPrice(1550)}`);
      expect(body).toContain(formatPrice(3100));
      expect(body).toContain(`Frais de livraison`);
      expect(body).toContain(formatPrice(1));
      expect(body).toContain(`Total TTC`);
      expect(body).toContain(formatPrice(6001));
      expect(body).toContain(`dont TVA 5,5\u00a0%`);
      expect(body).toContain(formatPrice(313));
      expect(body).toContain(`base hors taxes ${formatPrice(5688)}`);
    }
  });

  it('gives each line its own delivery window: the distributor’s line comes later', () => {
    expect(email.text).toMatch(
      /La coopération dans l’action publique \(1 × 29,00\s€ — TVA 5,5\s% — livraison estimée entre le [^)]+\)/,
    );
    expect(email.text).toMatch(
      /Droit administratif \(2 × 15,50\s€ — TVA 5,5\s% — 2 exemplaires commandés chez le distributeur — livraison estimée entre le [^)]+\)/,
    );
    expect(email.text).toContain('Livraison estimée entre le mardi 8 décembre 2026 et le mardi 15 décembre 2026.');
  });

  it('states the 14-day withdrawal right and carries the standard withdrawal form (annexe à l’article R221-1)', () => {
    for (const body of [html, email.text]) {
      expect(body).toContain('quatorze jours à compter de la réception');
      expect(body).toContain('Formulaire de rétractation');
      expect(body).toContain(
        '(Veuillez compléter et renvoyer le présent formulaire uniquement si vous souhaitez vous rétracter du contrat.)',
      );
      expect(body).toContain(
        '— À l’attention de Librairie des Facultés SAS, 2 place de la Sorbonne, 75005 Paris, contact@librairie-des-facultes.example :',
      );
      expect(body).toContain('— Commandé le (*)/reçu le (*) :');
      expect(body).toContain('(*) Rayez la mention inutile.');
    }
    // The terms accepted, by their version (C. civ. art. 1127-1).
    expect(email.text).toContain(
      'Conditions générales de vente (version du 8 décembre 2026) : https://librairie.example/conditions-generales-de-vente',
    );
    // The withdrawal function, from the confirmation too (art. L221-21, D221-5).
    expect(email.text).toContain(
      'Renoncer au contrat ici :\nhttps://librairie.example/suivi/abcDEF123_-xyz/retractation',
    );
    expect(email.html).toContain('href="https://librairie.example/suivi/abcDEF123_-xyz/retractation"');
  });

  it('carries the tracking link, as a button and in the text', () => {
    expect(email.html).toContain('href="https://librairie.example/suivi/abcDEF123_-xyz"');
    expect(email.text).toContain('Suivre ma commande :\nhttps://librairie.example/suivi/abcDEF123_-xyz');
  });
});

describe('the confirmation carries the terms accepted, whole (art. L221-13; C. civ. art. 1127-1)', async () => {
  const terms = currentTerms({ ...DEFAULT_SHOP_SETTINGS, ...TEST_SHOP });
  const email = await renderEmail({ kind: 'order_confirmation', order, terms }, TEST_SHOP, links);
  const html = visibleText(email.html);

  it('names their version and gives every section of the page, in the same words', () => {
    for (const body of [html, email.text]) {
      expect(body).toContain(`Conditions générales de vente (${termsVersionLabel(TERMS_VERSION)})`);
      for (const section of terms.sections) expect(body).toContain(section.heading);
      // The legal-guarantee box of art. D211-2, word for word.
      for (const text of LEGAL_GUARANTEE_BOX.paragraphs) expect(body).toContain(text);
      expect(body).toContain('Nous accusons réception de toute réclamation écrite sous deux jours ouvrables');
      expect(body).toContain(`SIRET ${TEST_SHOP.siret}`);
    }
  });

  it('turns the page’s links into addresses that work from a mailbox', () => {
    expect(email.text).toContain('page Renoncer au contrat (https://librairie.example/retractation)');
    expect(email.text).toContain(
      'Commander un livre absent du catalogue (https://librairie.example/commander-un-livre)',
    );
    expect(email.text).toContain('Médiateur du livre (https://www.mediateurdulivre.fr)');
  });

  it('gives the fee table per order, with the law’s minimum', () => {
    expect(email.text).toMatch(/Livraison à domicile.*\(montant de la commande : frais de livraison ttc\)/);
    expect(email.text).toContain('par commande (arrêté du 4 avril 2023)');
  });

  it('survives the outbox: the payload parses back to the same terms', () => {
    const parsed = EmailPayloadSchema.parse(JSON.parse(JSON.stringify({ kind: 'order_confirmation', order, terms })));
    expect(parsed.kind === 'order_confirmation' && parsed.terms).toEqual(terms);
  });
});

describe('the single-copy ordering service (loi n° 81-766, art. 1)', () => {
  it('acknowledges the request: the book as named, free, no commitment, an answer within two working days', async () => {
    const email = await renderEmail(payloads.book_request_received, TEST_SHOP, links);
    expect(email.text).toContain(
      'Livre : Les grands arrêts de la jurisprudence administrative, de Marceau Long (Dalloz), ISBN 9782247203850',
    );
    expect(email.text).toContain('Votre message : Pour mon TD de jeudi');
    expect(email.text).toContain('sous deux jours ouvrables');
    expect(email.text).toContain('Ce service est gratuit');
    expect(email.text).toContain('Courriel de service à propos de votre demande DL-4M8N2P6Q');
    // No tracking link: a request is no order.
    expect(email.text).not.toContain('/suivi/');
  });

  it('answers with the counter order: its number, the publisher’s price, paid at pickup, the date', async () => {
    const email = await renderEmail(payloads.book_request_answered, TEST_SHOP, links);
    expect(email.subject).toBe('Votre demande de livre DL-4M8N2P6Q : livre commandé');
    expect(email.text).toContain('commande client n° LF-9Q2W8E7R');
    expect(email.text).toContain(`À régler au retrait : ${formatPrice(4200)}`);
    expect(email.text).toContain('au plus tard le vendredi 18 décembre 2026');
  });

  it('or with the reason the book cannot be had', async () => {
    const email = await renderEmail(
      { kind: 'book_request_answered', request, answer: { outcome: 'declined', reason: 'Épuisé chez l’éditeur.' } },
      TEST_SHOP,
      links,
    );
    expect(email.subject).toBe('Votre demande de livre DL-4M8N2P6Q : livre indisponible');
    expect(email.text).toContain('Notre réponse : Épuisé chez l’éditeur.');
    expect(email.text).toContain('https://librairie.example/commander-un-livre');
  });
});

describe('the availability alert’s e-mails', () => {
  const alertLinks = { ...links, trackingUrl: null, alertUrl: 'https://librairie.example/alerte/jeton-de-test' };

  it.each(AVAILABILITY_ALERT_EMAIL_KINDS)(
    '%s: in French, with the shop’s identity and the alert’s link',
    async (kind) => {
      const email = await renderEmail(payloads[kind], TEST_SHOP, alertLinks);
      expect(email.html).toContain('lang="fr"');
      for (const body of [visibleText(email.html), email.text]) {
        expect(body).toContain('Les grands arrêts de la jurisprudence administrative');
        expect(body).toContain('SIRET 90123456700012');
        expect(body).toContain('Courriel de service à propos de votre alerte de disponibilité');
        expect(body).not.toContain('/suivi/');
      }
    },
  );

  it('asks to confirm the address, within 7 days', async () => {
    const email = await renderEmail(payloads.availability_alert_confirm, TEST_SHOP, alertLinks);
    expect(email.subject).toBe('Confirmez votre alerte pour « Les grands arrêts de la jurisprudence administrative »');
    expect(email.text).toContain('Confirmer mon alerte');
    expect(email.text).toContain('valable 7 jours');
  });

  it('says the book is available, with its link and its price', async () => {
    const email = await renderEmail(payloads.availability_alert_available, TEST_SHOP, alertLinks);
    expect(email.subject).toBe('« Les grands arrêts de la jurisprudence administrative » est disponible');
    expect(email.text).toContain('https://librairie.example/livre/9782247203850');
    expect(email.text).toContain(formatPrice(4200));
    expect(email.text).toContain('de Marceau Long, Prosper Weil');
  });

  it('says the book is out of print and the alert closed', async () => {
    const email = await renderEmail(payloads.availability_alert_out_of_print, TEST_SHOP, alertLinks);
    expect(email.subject).toBe('« Les grands arrêts de la jurisprudence administrative » est épuisé');
    expect(email.text).toContain('Votre alerte est close.');
  });
});

describe('other e-mails', () => {
  it('shipped: the carrier, its number and its tracking page', async () => {
    const email = await renderEmail(payloads.shipped, TEST_SHOP, links);
    expect(email.text).toContain('Transporteur : Colissimo, numéro de suivi 6A12345678901.');
    expect(email.html).toContain('href="https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901"');
  });

  it('refunded: the amount and the lines', async () => {
    const email = await renderEmail(payloads.refunded, TEST_SHOP, links);
    expect(email.subject).toBe(`Remboursement de ${formatPrice(2040)} pour votre commande LF-7K3P9QXW`);
    expect(email.text).toContain(`- Droit administratif (1 exemplaire) : ${formatPrice(1550)}`);
    expect(email.text).toContain(`- Frais de livraison : ${formatPrice(490)}`);
    expect(email.text).toContain(
      `Remboursé à ce jour sur cette commande : ${formatPrice(2040)} sur ${formatPrice(6001)}.`,
    );
  });

  it('payment failed and expired: a link back to the cart, no tracking link', async () => {
    for (const kind of ['payment_failed', 'payment_expired'] as const) {
      const email = await renderEmail(payloads[kind], TEST_SHOP, { ...links, trackingUrl: null });
      expect(email.text).toContain('Retourner à mon panier :\nhttps://librairie.example/panier');
      expect(email.text).not.toContain('/suivi/');
    }
  });

  it('withdrawal received: its date and time, who declared it, the lines, the reason, where to send the books and the refund deadline', async () => {
    const email = await renderEmail(payloads.withdrawal_received, TEST_SHOP, links);
    // 10:00 UTC on 10 December is 11:00 in Paris (art. D221-5: the date and time it was sent).
    expect(email.text).toContain('envoyée le 10/12/2026 à 11:00 (heure de Paris), au nom de Camille Martin');
    expect(email.text).toContain('- Droit administratif : 1 exemplaire');
    expect(email.text).toContain('Motif indiqué : Acheté en double');
    expect(email.text).toContain('au plus tard le jeudi 24 décembre 2026');
  });

  it('a link asked from "Renoncer au contrat ici" opens the declaration, and says nothing is recorded yet', async () => {
    const email = await renderEmail({ kind: 'tracking_link', order, purpose: 'withdrawal' }, TEST_SHOP, links);
    expect(email.subject).toBe(`Votre lien pour renoncer à la commande ${order.reference}`);
    expect(email.text).toContain(`Renoncer au contrat ici :\n${links.trackingUrl}/retractation`);
    expect(email.text).toContain('rien n’est enregistré sans votre confirmation');
  });

  it('escapes what customers and distributors typed: a title is text, never markup', async () => {
    const hostile = pricedTestOrder({ fullName: '<img src=x onerror=alert(1)> & "Cie"' });
    const email = await renderEmail({ kind: 'tracking_link', order: hostile, purpose: 'tracking' }, TEST_SHOP, links);
    expect(email.html).not.toContain('<img src=x');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Cie&quot;');
  });

  it('refuses a link that is not a web address', async () => {
    await expect(
      renderEmail(payloads.tracking_link, TEST_SHOP, { ...links, trackingUrl: 'javascript:alert(1)' }),
    ).rejects.toThrow('Refused link');
  });
});
