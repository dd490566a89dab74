import { z } from 'zod';

// "M'avertir de sa disponibilité" on a book page: the book (its EAN, from the page) and an e-mail.

const INVALID_EMAIL = 'Adresse e-mail invalide (exemple : nom@exemple.fr).';

/** Lower-cased and trimmed: one alert per book and address, whatever the case typed. */
export const alertEmail = z
  .string({ error: 'Indiquez votre adresse e-mail.' })
  .max(254, { error: INVALID_EMAIL })
  .trim()
  .toLowerCase()
  .min(1, { error: 'Indiquez votre adresse e-mail.' })
  .pipe(z.email({ error: INVALID_EMAIL }));

export const AvailabilityAlertSchema = z.object({
  ean: z
    .string({ error: 'Livre inconnu : rechargez la page.' })
    .regex(/^\d{13}$/, { error: 'Livre inconnu : rechargez la page.' }),
  email: alertEmail,
});

export type AvailabilityAlertInput = z.output<typeof AvailabilityAlertSchema>;

/**
 * The same answer whether an alert already exists for this address or not (nothing tells a
 * stranger which books an address waits for).
 */
export const AVAILABILITY_ALERT_ANSWER =
  'C’est noté : si cette adresse n’a pas encore d’alerte confirmée pour ce livre, un courriel vient de lui être envoyé. Cliquez sur le lien qu’il contient pour confirmer votre alerte.';
