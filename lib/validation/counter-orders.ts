import { z } from 'zod';
import { optionalPhone } from './phone';
import { plainText } from '@/lib/core/plain-text';
import { copies, note, scannedEan } from './stock-desk';

// Special orders at the counter (/admin/commandes-clients/nouvelle).

export const CounterOrderSchema = z
  .object({
    ean: scannedEan,
    quantity: copies(`Entre 1 et 30 exemplaires.`).refine((n) => n <= 30, { error: 'Entre 1 et 30 exemplaires.' }),
    fullName: plainText(100, 'Indiquez le nom du client.'),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, { error: 'Adresse e-mail trop longue.' })
      .optional()
      .transform((value) => value || null)
      .pipe(z.email({ error: 'Adresse e-mail invalide (exemple : nom@exemple.fr).' }).nullable()),
    phone: optionalPhone.transform((value) => value || null),
    payment: z.enum(['at_pickup', 'paid'], { error: 'Indiquez si le client a déjà réglé.' }),
    note,
    /** The reader's request from /commander-un-livre this order answers ("DL-…"), if any. */
    request: z
      .string()
      .optional()
      .transform((value) => value || null)
      .pipe(
        z
          .string()
          .regex(/^DL-[0-9A-Z]{8}$/, { error: 'Demande inconnue : rechargez la page.' })
          .nullable(),
      ),
  })
  .superRefine((form, ctx) => {
    if (!form.email && !form.phone)
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: 'Indiquez un e-mail ou un téléphone pour prévenir le client.',
      });
  });

export type CounterOrderForm = z.infer<typeof CounterOrderSchema>;
