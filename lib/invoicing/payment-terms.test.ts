import { describe, expect, test } from 'vitest';
import { dueDate, formatIban, paymentTermsLines, paymentTermsSnapshot } from './payment-terms';

describe('payment terms of an invoice paid by transfer', () => {
  test('the due date counts from the invoice’s day in Paris', () => {
    expect(dueDate(new Date('2026-12-08T10:00:00Z'), 30)).toBe('2027-01-07');
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(dueDate(new Date('2026-12-31T23:30:00Z'), 30)).toBe('2027-01-31');
    expect(dueDate(new Date('2026-02-10T12:00:00Z'), 60)).toBe('2026-04-11');
  });

  test('a company: ECB + 10 points (C. com. L441-10) and 40 € (D441-5)', () => {
    const terms = paymentTermsSnapshot({
      issuedAt: new Date('2026-12-08T10:00:00Z'),
      termsDays: 45,
      publicBuyer: false,
      purchaseOrderNumber: 'BC-1',
      engagementNumber: null,
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPP',
    });
    const lines = paymentTermsLines(terms);
    expect(lines[0]).toBe('Échéance : 22/01/2027 (45 jours à compter de la date de la facture)');
    expect(lines[1]).toBe('Règlement par virement : IBAN FR76 3000 6000 0112 3456 7890 189 — BIC AGRIFRPP');
    expect(lines.join('\n')).toMatch(/majoré de 10 points.*L441-10/);
    expect(lines.join('\n')).toMatch(/40 €.*D441-5/);
  });

  test('a public buyer: ECB + 8 points (CCP R2192-31) and 40 € (D2192-35)', () => {
    const terms = paymentTermsSnapshot({
      issuedAt: new Date('2026-12-08T10:00:00Z'),
      termsDays: 30,
      publicBuyer: true,
      purchaseOrderNumber: null,
      engagementNumber: 'EJ-1',
      iban: '',
      bic: '',
    });
    const text = paymentTermsLines(terms).join('\n');
    expect(text).toMatch(/majoré de 8 points.*R2192-31/);
    expect(text).toMatch(/40 €.*D2192-35/);
    expect(text).toMatch(/coordonnées bancaires sur demande/);
  });

  test('an IBAN prints in groups of four', () => {
    expect(formatIban('FR7630006000011234567890189')).toBe('FR76 3000 6000 0112 3456 7890 189');
  });
});
