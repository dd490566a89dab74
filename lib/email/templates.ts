// The words of each e-mail, in French, as blocks (blocks.ts renders them to HTML and text). Each
// template takes the payload captured with the change (payload.ts) and the links of this sending.
// Pure.
import { signInLink } from './sign-in-emails';
import { formatPrice } from '@/lib/core/money';
import { formatRate } from '@/lib/core/rate';
import { CARRIERS } from '@/lib/orders/carriers';
import { WITHDRAWAL_REFUND_NOTICE, WITHDRAWAL_RIGHT_NOTICE } from '@/lib/pricing';
import type { Block, Row } from './blocks';
import type { EmailLine, EmailOrder, EmailPayload } from './payload';
import { postalAddress, type ShopIdentity } from '@/lib/shop/shop-identity';
import { type EmailContent, type EmailLinks, formatDay, hello, orderedOn, trackingButton } from './template-parts';
import { WITHDRAWAL_FORM_TITLE, withdrawalFormLines } from '@/lib/terms/withdrawal-form';
import { withdrawalLink, withdrawalReceived } from './withdrawal-emails';
import { termsVersionLabel } from '@/lib/terms/version';
import { formatCopies } from '@/lib/core/copies';
import { preOrderLabel } from '@/lib/orders/pre-order';
import type { TermsDocument } from '@/lib/terms/terms-document';
import { termsBlocks } from './terms-blocks';
import { bookRequestAnswered, bookRequestReceived } from './book-request-emails';
import { paymentReminder } from './payment-reminder-emails';
import {
  availabilityAlertAvailable,
  availabilityAlertConfirm,
  availabilityAlertOutOfPrint,
} from './availability-alert-emails';

export type { EmailContent, EmailLinks } from './template-parts';

function windowText(
  earliest: string | null,
  latest: string | null,
  method: EmailOrder['deliveryMethod'],
): string | null {
  if (!earliest || !latest) return null;
  const what = method === 'home_delivery' ? 'Livraison estimée' : 'Disponible en librairie';
  return earliest === latest
    ? `${what} le ${formatDay(earliest)}`
    : `${what} entre le ${formatDay(earliest)} et le ${formatDay(latest)}`;
}

function lineDetail(line: EmailLine, method: EmailOrder['deliveryMethod']): string {
  const parts = [
    `${line.quantity} × ${formatPrice(line.unitPriceCents)}`,
    `TVA ${formatRate(line.vatRateBasisPoints)}`,
  ];
  if (line.preOrderPublishedOn) parts.push(preOrderLabel(new Date(`${line.preOrderPublishedOn}T12:00:00Z`)));
  else if (line.backorderQuantity > 0)
    parts.push(
      `${formatCopies(line.backorderQuantity)} commandé${line.backorderQuantity > 1 ? 's' : ''} chez le distributeur`,
    );
  const window = windowText(line.deliveryEarliestOn, line.deliveryLatestOn, method);
  if (window) parts.push(window.toLowerCase().replace(/^l/, 'l'));
  return parts.join(' — ');
}

/** Items, prices, delivery fee, total and VAT per rate: what the confirmation must list (art. L221-5 1°, L112-1). */
export function orderTable(order: EmailOrder): Block {
  const rows: Row[] = order.lines.map((line) => ({
    label: line.title,
    detail: lineDetail(line, order.deliveryMethod),
    amount: formatPrice(line.lineTotalCents),
  }));
  rows.push({
    label: order.deliveryMethod === 'home_delivery' ? 'Frais de livraison' : 'Retrait en librairie',
    amount: order.shippingCents === 0 ? 'Gratuit' : formatPrice(order.shippingCents),
  });
  rows.push({ label: 'Total TTC', amount: formatPrice(order.totalCents), strong: true });
  for (const rate of order.vat) {
    rows.push({
      label: `dont TVA ${formatRate(rate.rateBasisPoints)}`,
      detail: `base hors taxes ${formatPrice(rate.baseExclVatCents)}`,
      amount: formatPrice(rate.vatCents),
    });
  }
  return { type: 'table', caption: `Commande n° ${order.reference}`, rows };
}

function deliveryBlocks(order: EmailOrder, shop: ShopIdentity): Block[] {
  const blocks: Block[] = [];
  if (order.deliveryMethod === 'home_delivery' && order.address) {
    const address = [
      order.fullName,
      order.address.line1,
      order.address.line2,
      `${order.address.postalCode} ${order.address.city}`,
    ]
      .filter(Boolean)
      .join(', ');
    blocks.push({ type: 'paragraph', text: `Livraison à domicile (Colissimo) : ${address}.` });
  } else {
    blocks.push({ type: 'paragraph', text: `Retrait en librairie : ${shop.name}, ${postalAddress(shop)}.` });
  }
  const window = windowText(order.deliveryEarliestOn, order.deliveryLatestOn, order.deliveryMethod);
  if (window) blocks.push({ type: 'paragraph', text: `${window}.` });
  return blocks;
}

function confirmation(
  order: EmailOrder,
  terms: TermsDocument | null,
  shop: ShopIdentity,
  links: EmailLinks,
): EmailContent {
  const withdrawalUrl = links.trackingUrl ? `${links.trackingUrl}/retractation` : null;
  return {
    subject: `Confirmation de votre commande ${order.reference}`,
    preheader: `Commande ${order.reference} : ${formatPrice(order.totalCents)}, paiement reçu.`,
    blocks: [
      { type: 'heading', text: 'Merci pour votre commande' },
      hello(order),
      {
        type: 'paragraph',
        text: `Nous avons reçu le paiement de votre commande n° ${order.reference} du ${orderedOn(order)}. Ce courriel la confirme (Code de la consommation, art. L221-13) : conservez-le.`,
      },
      orderTable(order),
      ...deliveryBlocks(order, shop),
      ...trackingButton(links),
      { type: 'divider' },
      { type: 'heading', text: 'Droit de rétractation' },
      { type: 'paragraph', text: WITHDRAWAL_RIGHT_NOTICE },
      // The withdrawal function (art. L221-21, D221-5), reachable from the confirmation too.
      ...(withdrawalUrl
        ? [{ type: 'button', label: 'Renoncer au contrat ici', url: withdrawalUrl } satisfies Block]
        : []),
      {
        type: 'paragraph',
        text: `Pour vous rétracter, déclarez-le ${withdrawalUrl ? 'en ligne avec le lien « Renoncer au contrat ici » ci-dessus, ' : ''}ou envoyez-nous le formulaire ci-dessous, ou toute autre déclaration dénuée d’ambiguïté, à ${shop.legalName}, ${postalAddress(shop)} ou à ${shop.email}. Vous nous renvoyez ensuite les livres au plus tard quatorze jours après votre déclaration ; les frais de retour sont à votre charge (art. L221-23).`,
      },
      { type: 'paragraph', text: WITHDRAWAL_REFUND_NOTICE },
      { type: 'frame', title: WITHDRAWAL_FORM_TITLE, lines: withdrawalFormLines(shop) },
      {
        type: 'small',
        text: 'Garanties légales : garantie de conformité (Code de la consommation, art. L217-3 et suivants) et garantie des vices cachés (Code civil, art. 1641 et suivants).',
      },
      // The terms accepted, whole when the payload has them, else named and reachable (C. civ. art. 1127-1).
      ...(terms
        ? [{ type: 'divider' } satisfies Block, ...termsBlocks(terms, links.siteUrl)]
        : [
            {
              type: 'small',
              text: `Conditions générales de vente${order.termsVersion ? ` (${termsVersionLabel(order.termsVersion)})` : ''} : ${links.siteUrl}/conditions-generales-de-vente`,
            } satisfies Block,
          ]),
    ],
  };
}

function paymentClosed(order: EmailOrder, links: EmailLinks, kind: 'payment_failed' | 'payment_expired'): EmailContent {
  const failed = kind === 'payment_failed';
  return {
    subject: failed
      ? `Votre paiement n’a pas abouti (commande ${order.reference})`
      : `Commande ${order.reference} non réglée : la page de paiement a expiré`,
    preheader: 'Aucun montant n’a été débité ; votre panier vous attend.',
    blocks: [
      { type: 'heading', text: failed ? 'Paiement refusé' : 'Paiement non abouti' },
      hello(order),
      {
        type: 'paragraph',
        text: failed
          ? `Le paiement de votre commande n° ${order.reference} (${formatPrice(order.totalCents)}) a été refusé : la commande n’est pas passée et aucun montant n’a été débité.`
          : `La page de paiement de votre commande n° ${order.reference} (${formatPrice(order.totalCents)}) a expiré avant le paiement : la commande n’est pas passée et aucun montant n’a été débité. Les exemplaires que nous vous avions réservés sont remis en vente.`,
      },
      {
        type: 'paragraph',
        text: 'Vos livres restent dans votre panier, dans le navigateur où vous l’aviez rempli : vous pouvez repasser commande quand vous le souhaitez.',
      },
      { type: 'button', label: 'Retourner à mon panier', url: `${links.siteUrl}/panier` },
    ],
  };
}

function shipped(
  payload: Extract<EmailPayload, { kind: 'shipped' }>,
  shop: ShopIdentity,
  links: EmailLinks,
): EmailContent {
  const { order, shipment } = payload;
  const carrier = CARRIERS[shipment.carrier].label;
  return {
    subject: `Votre commande ${order.reference} est expédiée`,
    preheader: `${carrier}, numéro de suivi ${shipment.trackingNumber}.`,
    blocks: [
      { type: 'heading', text: 'Votre commande est en route' },
      hello(order),
      {
        type: 'paragraph',
        text: `Votre commande n° ${order.reference} a quitté la librairie. Transporteur : ${carrier}, numéro de suivi ${shipment.trackingNumber}.`,
      },
      { type: 'button', label: `Suivre le colis sur le site de ${carrier}`, url: shipment.trackingUrl },
      ...deliveryBlocks(order, shop),
      ...trackingButton(links),
    ],
  };
}

function readyForPickup(order: EmailOrder, shop: ShopIdentity, links: EmailLinks): EmailContent {
  return {
    subject: `Votre commande ${order.reference} vous attend en librairie`,
    preheader: `À retirer chez ${shop.name}, ${postalAddress(shop)}.`,
    blocks: [
      { type: 'heading', text: 'Votre commande est prête' },
      hello(order),
      {
        type: 'paragraph',
        text: `Votre commande n° ${order.reference} vous attend chez ${shop.name}, ${postalAddress(shop)}. Donnez ce numéro de commande au comptoir.`,
      },
      orderTable(order),
      ...trackingButton(links),
    ],
  };
}

function delayed(order: EmailOrder, shop: ShopIdentity, links: EmailLinks): EmailContent {
  const window = windowText(order.deliveryEarliestOn, order.deliveryLatestOn, order.deliveryMethod);
  const fromSupplier = order.lines.filter((line) => line.backorderQuantity > 0);
  return {
    subject: `Nouveau délai pour votre commande ${order.reference}`,
    preheader: window ?? 'Le distributeur nous a donné un nouveau délai.',
    blocks: [
      { type: 'heading', text: 'Un nouveau délai' },
      hello(order),
      {
        type: 'paragraph',
        text: `Une partie de votre commande n° ${order.reference} vient du distributeur, qui nous annonce un nouveau délai.${window ? ` ${window}.` : ''}`,
      },
      ...(fromSupplier.length > 0
        ? [
            {
              type: 'list',
              items: fromSupplier.map((line) => {
                const lineWindow = windowText(line.deliveryEarliestOn, line.deliveryLatestOn, order.deliveryMethod);
                const preOrder = line.preOrderPublishedOn
                  ? `, ${preOrderLabel(new Date(`${line.preOrderPublishedOn}T12:00:00Z`)).toLowerCase()}`
                  : '';
                return `${line.title} (${formatCopies(line.backorderQuantity)}${preOrder})${lineWindow ? ` : ${lineWindow.charAt(0).toLowerCase()}${lineWindow.slice(1)}` : ''}`;
              }),
            } satisfies Block,
          ]
        : []),
      {
        type: 'paragraph',
        text: `Si ce délai ne vous convient plus, écrivez-nous à ${shop.email} : nous annulerons la commande et vous rembourserons intégralement.`,
      },
      ...trackingButton(links),
    ],
  };
}

/** A refund line of no copy: the difference when the publisher's price fell (lib/orders/pre-order.ts). */
const PRICE_DROP_DETAIL = 'baisse du prix de l’éditeur avant livraison, différence remboursée';

function refunded(payload: Extract<EmailPayload, { kind: 'refunded' }>, links: EmailLinks): EmailContent {
  const { order, refund } = payload;
  const rows: Row[] = refund.lines.map((line) => ({
    label: line.title,
    // No copy refunded: the publisher lowered the price before delivery (a pre-order's difference).
    detail: line.quantity > 0 ? formatCopies(line.quantity) : PRICE_DROP_DETAIL,
    amount: formatPrice(line.amountCents),
  }));
  if (refund.shippingCents > 0) rows.push({ label: 'Frais de livraison', amount: formatPrice(refund.shippingCents) });
  if (refund.extraCents > 0) rows.push({ label: 'Geste commercial', amount: formatPrice(refund.extraCents) });
  rows.push({ label: 'Montant remboursé', amount: formatPrice(refund.amountCents), strong: true });
  const whole = refund.refundedTotalCents >= order.totalCents;
  return {
    subject: `Remboursement de ${formatPrice(refund.amountCents)} pour votre commande ${order.reference}`,
    preheader: 'Le montant revient sur le moyen de paiement utilisé.',
    blocks: [
      { type: 'heading', text: 'Remboursement effectué' },
      hello(order),
      {
        type: 'paragraph',
        text: `Nous vous avons remboursé ${formatPrice(refund.amountCents)} sur votre commande n° ${order.reference}. Le montant revient sur le moyen de paiement utilisé ; votre banque le crédite en général sous cinq à dix jours.`,
      },
      { type: 'table', caption: 'Remboursement', rows },
      {
        type: 'paragraph',
        text: whole
          ? `La commande est remboursée en totalité (${formatPrice(refund.refundedTotalCents)}).`
          : `Remboursé à ce jour sur cette commande : ${formatPrice(refund.refundedTotalCents)} sur ${formatPrice(order.totalCents)}.`,
      },
      ...trackingButton(links),
    ],
  };
}

function trackingLink(order: EmailOrder, links: EmailLinks): EmailContent {
  return {
    subject: `Votre lien de suivi pour la commande ${order.reference}`,
    preheader: 'Le lien personnel qui ouvre votre commande.',
    blocks: [
      { type: 'heading', text: 'Suivre votre commande' },
      hello(order),
      {
        type: 'paragraph',
        text: `Vous avez demandé à suivre votre commande n° ${order.reference} du ${orderedOn(order)}. Ouvrez-la avec ce lien :`,
      },
      ...trackingButton(links),
      {
        type: 'small',
        text: 'Si vous n’avez rien demandé, ignorez ce courriel : personne ne voit votre commande sans ce lien.',
      },
    ],
  };
}

export function emailContent(payload: EmailPayload, shop: ShopIdentity, links: EmailLinks): EmailContent {
  switch (payload.kind) {
    case 'order_confirmation':
      return confirmation(payload.order, payload.terms, shop, links);
    case 'payment_failed':
    case 'payment_expired':
      return paymentClosed(payload.order, links, payload.kind);
    case 'shipped':
      return shipped(payload, shop, links);
    case 'ready_for_pickup':
      return readyForPickup(payload.order, shop, links);
    case 'delayed':
      return delayed(payload.order, shop, links);
    case 'refunded':
      return refunded(payload, links);
    case 'withdrawal_received':
      return withdrawalReceived(payload, shop, links);
    case 'tracking_link':
      return payload.purpose === 'withdrawal'
        ? withdrawalLink(payload.order, links)
        : trackingLink(payload.order, links);
    case 'book_request_received':
      return bookRequestReceived(payload.request, shop);
    case 'book_request_answered':
      return bookRequestAnswered(payload, shop, links);
    case 'availability_alert_confirm':
      return availabilityAlertConfirm(payload.alert, links);
    case 'availability_alert_available':
      return availabilityAlertAvailable(payload.alert, links);
    case 'availability_alert_out_of_print':
      return availabilityAlertOutOfPrint(payload.alert, shop, links);
    case 'sign_in_link':
      return signInLink(shop, links);
    case 'payment_reminder':
      return paymentReminder(payload.reminder, shop);
  }
}

/** The footer of every e-mail: the shop's identity and contact (art. L221-5 and R111-1). */
export function footerLines(shop: ShopIdentity, about: string): string[] {
  return [
    `${shop.legalName} — ${postalAddress(shop)}`,
    `${shop.phone} — ${shop.email}`,
    `SIRET ${shop.siret} — TVA intracommunautaire ${shop.vatNumber}`,
    // Art. L616-1 and R616-1: the consumer mediator's name and address, on the site and the contracts.
    `Médiateur de la consommation : ${shop.mediatorName} (${shop.mediatorUrl})`,
    `Courriel de service à propos de ${about} ; il ne contient aucune publicité.`,
  ];
}
