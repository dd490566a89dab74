import { z } from 'zod';
import { plainText } from '@/lib/core/plain-text';
import { isSignInCodeShape, isSignInTokenShape } from '@/lib/reader-accounts/sign-in-secrets';
import { POSTAL_CODE } from './checkout';
import { optionalPhone } from './phone';

// The forms of /compte: the sign-in request, the code, a saved address.

const email = z
  .string({ error: 'Indiquez votre adresse e-mail.' })
  .max(254, { error: 'Adresse e-mail invalide (exemple : nom@exemple.fr).' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'Indiquez votre adresse e-mail.' })
  .pipe(z.email({ error: 'Adresse e-mail invalide (exemple : nom@exemple.fr).' }));

export const SignInRequestSchema = z.object({ email });
export type SignInRequest = z.output<typeof SignInRequestSchema>;

/** The same sentence whether an account exists or not, and whether one will be created. */
export const SIGN_IN_REQUEST_ANSWER =
  'Nous venons d’envoyer à cette adresse un lien et un code de connexion, valables 15 minutes. Ouvrez le lien, ou saisissez le code ci-dessous.';

export const SignInCodeSchema = z.object({
  email,
  code: z
    .string({ error: 'Indiquez le code à 6 chiffres reçu par courriel.' })
    .transform((value) => value.replace(/\s/g, ''))
    .refine(isSignInCodeShape, { error: 'Le code compte 6 chiffres (exemple : 042917).' }),
});
export type SignInCode = z.output<typeof SignInCodeSchema>;

export const SignInTokenSchema = z.string().refine(isSignInTokenShape);

/** An address id from a form or ?adresse=: a positive integer, else nothing. */
export const AddressIdSchema = z.coerce.number().int().positive().max(2_147_483_647);

export const SAVED_ADDRESS_FIELDS = [
  'fullName',
  'phone',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'city',
] as const;

const optionalText = (max: number) =>
  plainText(max)
    .optional()
    .transform((value) => value || null);

/** A saved address, with the checkout's rules for a home delivery (lib/validation/checkout.ts). */
export const SavedAddressSchema = z.object({
  fullName: plainText(100, 'Indiquez le nom du destinataire.'),
  phone: optionalPhone.transform((value) => value || null),
  addressLine1: plainText(120, 'Indiquez l’adresse.'),
  addressLine2: optionalText(120),
  postalCode: z.string({ error: 'Indiquez le code postal.' }).trim().regex(POSTAL_CODE, {
    error: 'Code postal de France métropolitaine, de Corse ou de Monaco, à 5 chiffres (exemple : 75005).',
  }),
  city: plainText(80, 'Indiquez la ville.'),
});
export type SavedAddressInput = z.output<typeof SavedAddressSchema>;
