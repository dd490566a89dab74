import { describe, expect, it } from 'vitest';
import { formatPrice } from '@/lib/core/money';
import { EmailPayloadSchema } from './payload';
import { renderEmail } from './render';
import { TEST_SHOP, visibleText } from './test-fixtures';

const links = { siteUrl: 'https://librairie.example', trackingUrl: null };

describe('the reminder of an overdue invoice on account', async () => {
  const payload = EmailPayloadSchema.parse({
    kind: 'payment_reminder',
    reminder: {
      invoiceNumber: 'F2026-000042',
      issuedOn: '2026-11-02',
      dueOn: '2026-12-02',
      daysLate: 5,
      organisationName: 'Bibliothèque universitaire de Nanterre',
      orderReference: 'LF-7K3P9QXW',
      purchaseOrderNumber: 'BC-2026-118',
      totalCents: 12_345,
      creditedCents: 1_000,
      paidCents: 5_000,
      dueCents: 6_345,
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPP',
      publicBuyer: true,
      penaltyText: 'Intérêts moratoires (Code de la commande publique, art. L2192-13 et R2192-31).',
      indemnityText: 'Indemnité forfaitaire pour frais de recouvrement : 40 € (art. D2192-35).',
    },
  });
  const email = await renderEmail(payload, TEST_SHOP, links);

  it('states the amount due, the due date, the account, the penalties and the 40 € indemnity', () => {
    expect(email.subject).toBe('Relance : facture F2026-000042 échue le mercredi 2 décembre 2026');
    for (const body of [visibleText(email.html), email.text]) {
      expect(body).toContain('Reste dû');
      expect(body).toContain(formatPrice(6_345));
      expect(body).toContain('arrivait à échéance le mercredi 2 décembre 2026');
      expect(body).toContain('5 jours de retard');
      expect(body).toContain('bon de commande BC-2026-118');
      expect(body).toContain('IBAN FR76 3000 6000 0112 3456 7890 189');
      expect(body).toContain('R2192-31');
      expect(body).toContain('40 €');
      expect(body).toContain('SIRET 90123456700012');
      expect(body).not.toContain('/suivi/');
    }
  });
});
