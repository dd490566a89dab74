import { formatPrice } from '@/lib/core/money';
import { formatIban } from '@/lib/invoicing/payment-terms';
import type { ShopIdentity } from '@/lib/shop/shop-identity';
import type { Row } from './blocks';
import type { EmailReminder } from './payload';
import { formatDay, type EmailContent } from './template-parts';

// The reminder of an overdue invoice on account, to the organisation's billing address
// (docs/decisions/029-transfers-received.md). It restates what the invoice said and the law
// makes owed of right from the day after the due date, without a reminder being needed:
// between businesses the penalties of C. com. L441-10 II and the 40 € indemnity of D441-5; for a
// public buyer the late interest of the Code de la commande publique L2192-13 and R2192-31 and
// the 40 € indemnity of D2192-35, paid within 45 days of the principal (R2192-36). Pure.

export function paymentReminder(reminder: EmailReminder, shop: ShopIdentity): EmailContent {
  const rows: Row[] = [
    { label: `Facture ${reminder.invoiceNumber}`, amount: formatPrice(reminder.totalCents) },
    ...(reminder.creditedCents > 0
      ? [{ label: 'Avoirs sur cette facture', amount: `− ${formatPrice(reminder.creditedCents)}` }]
      : []),
    ...(reminder.paidCents > 0 ? [{ label: 'Virements reçus', amount: `− ${formatPrice(reminder.paidCents)}` }] : []),
    { label: 'Reste dû', amount: formatPrice(reminder.dueCents), strong: true },
  ];
  const late = `${reminder.daysLate} jour${reminder.daysLate > 1 ? 's' : ''}`;
  return {
    subject: `Relance : facture ${reminder.invoiceNumber} échue le ${formatDay(reminder.dueOn)}`,
    preheader: `Reste dû ${formatPrice(reminder.dueCents)}, échéance dépassée de ${late}.`,
    blocks: [
      { type: 'heading', text: 'Facture échue non réglée' },
      {
        type: 'paragraph',
        text: `Madame, Monsieur, à l’attention du service comptable de ${reminder.organisationName},`,
      },
      {
        type: 'paragraph',
        text: `Sauf erreur de notre part, notre facture ${reminder.invoiceNumber} du ${formatDay(reminder.issuedOn)} (commande ${reminder.orderReference}${reminder.purchaseOrderNumber ? `, bon de commande ${reminder.purchaseOrderNumber}` : ''}) arrivait à échéance le ${formatDay(reminder.dueOn)} ; elle n’est pas réglée en totalité à ce jour (${late} de retard).`,
      },
      { type: 'table', caption: 'Situation de la facture', rows },
      {
        type: 'paragraph',
        text: reminder.iban
          ? `Merci de régler ${formatPrice(reminder.dueCents)} par virement : IBAN ${formatIban(reminder.iban)}${reminder.bic ? `, BIC ${reminder.bic}` : ''}, en rappelant le numéro de facture ${reminder.invoiceNumber}.`
          : `Merci de régler ${formatPrice(reminder.dueCents)} par virement en rappelant le numéro de facture ${reminder.invoiceNumber} ; nos coordonnées bancaires vous sont communiquées sur demande.`,
      },
      { type: 'paragraph', text: reminder.penaltyText },
      { type: 'paragraph', text: reminder.indemnityText },
      {
        type: 'small',
        text: `Si votre règlement est en cours, merci de ne pas tenir compte de ce courriel. Une question : ${shop.email}, ${shop.phone}.`,
      },
    ],
  };
}
