import { z } from 'zod';
import { DeliveryMethodSchema } from '@/lib/pricing/schemas';
import { plainText } from '@/lib/core/plain-text';
import { optionalPhone } from './phone';

// The delivery form of /commande. Messages are shown next to each field.
// Delivery in metropolitan France, Corsica and Monaco only (Colissimo's domestic rate):
// La Poste's 5-digit codes 01000–95999 (Corsica is 20xxx) and Monaco's 980xx. Not the overseas
// codes 97xxx (DROM) nor 984xx–988xx (TAAF, Wallis-et-Futuna, Polynésie, Nouvelle-Calédonie),
// which ship at other rates (https://www.laposte.fr/, codes postaux).
export const POSTAL_CODE = /^(?:0[1-9]|[1-8]\d|9[0-5])\d{3}$|^980\d{2}$/;

const text = (max: number, required: string) => plainText(max, required);

const optionalText = (max: number) =>
  plainText(max)
    .optional()
    .transform((value) => (value ? value : undefined));

/** The fields of the delivery form, in the order they are shown. */
export const CHECKOUT_FIELDS = [
  'email',
  'fullName',
  'phone',
  'deliveryMethod',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'city',
] as const;

export const CheckoutFormSchema = z
  .object({
    email: z
      .string({ error: 'Indiquez votre adresse e-mail.' })
      .trim()
      .toLowerCase()
      .min(1, { error: 'Indiquez votre adresse e-mail.' })
      .pipe(z.email({ error: 'Adresse e-mail invalide (exemple : nom@exemple.fr).' }).max(254)),
    fullName: text(100, 'Indiquez vos nom et prénom.'),
    // Optional for a pickup; the carrier needs it for a delivery (checked below).
    phone: optionalPhone,
    deliveryMethod: z.enum(DeliveryMethodSchema.options, { error: 'Choisissez un mode de livraison.' }),
    addressLine1: optionalText(120),
    addressLine2: optionalText(120),
    postalCode: optionalText(5),
    city: optionalText(80),
  })
  .superRefine((form, ctx) => {
    if (form.deliveryMethod !== 'home_delivery') return;
    if (!form.phone)
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: 'Indiquez un numéro de téléphone : le transporteur en a besoin pour livrer.',
      });
    if (!form.addressLine1)
      ctx.addIssue({ code: 'custom', path: ['addressLine1'], message: 'Indiquez l’adresse de livraison.' });
    if (!form.postalCode || !POSTAL_CODE.test(form.postalCode)) {
      ctx.addIssue({
        code: 'custom',
        path: ['postalCode'],
        message: 'Code postal de France métropolitaine, de Corse ou de Monaco, à 5 chiffres (exemple : 75005).',
      });
    }
    if (!form.city) ctx.addIssue({ code: 'custom', path: ['city'], message: 'Indiquez la ville.' });
  });

export type CheckoutForm = z.output<typeof CheckoutFormSchema>;
