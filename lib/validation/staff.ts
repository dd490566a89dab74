import { z } from 'zod';
import { STAFF_ROLES } from '@/lib/staff/roles';

// Staff forms of the back office. Messages are shown next to each field.

// NIST SP 800-63B §3.1.1.2: length matters, composition rules do not; 12 characters at least
// for staff, 128 at most (argon2 hashes any length, but a megabyte "password" costs CPU).
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

const email = z
  .string({ error: 'Indiquez l’adresse e-mail.' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'Indiquez l’adresse e-mail.' })
  .max(254, { error: 'Adresse e-mail trop longue.' })
  .pipe(z.email({ error: 'Adresse e-mail invalide (exemple : nom@exemple.fr).' }));

const newPassword = z
  .string({ error: 'Indiquez un mot de passe.' })
  .min(PASSWORD_MIN_LENGTH, { error: `Au moins ${PASSWORD_MIN_LENGTH} caractères.` })
  .max(PASSWORD_MAX_LENGTH, { error: `${PASSWORD_MAX_LENGTH} caractères au plus.` });

const role = z.enum(STAFF_ROLES, { error: 'Choisissez un rôle.' });

// An id posted back by a form: digits only, within PostgreSQL's integer.
export const idField = (message: string) =>
  z
    .string({ error: message })
    .regex(/^\d{1,9}$/, { error: message })
    .transform(Number);

export const LoginSchema = z.object({
  // Not checked as an address: any text is looked up, and refused like a wrong password.
  email: z
    .string({ error: 'Indiquez votre adresse e-mail.' })
    .trim()
    .toLowerCase()
    .min(1, { error: 'Indiquez votre adresse e-mail.' })
    .max(254, { error: 'Adresse e-mail trop longue.' }),
  password: z
    .string({ error: 'Indiquez votre mot de passe.' })
    .min(1, { error: 'Indiquez votre mot de passe.' })
    .max(PASSWORD_MAX_LENGTH, { error: 'Adresse e-mail ou mot de passe incorrect.' }),
  suite: z.string().max(300).optional(),
});

export const CreateStaffSchema = z
  .object({
    email,
    name: z
      .string({ error: 'Indiquez le nom.' })
      .trim()
      .min(1, { error: 'Indiquez le nom.' })
      .max(100, { error: '100 caractères au plus.' }),
    role,
    // Empty: the shop generates one and shows it once.
    password: z.union([z.literal(''), newPassword]).optional(),
  })
  .refine((form) => !form.password || form.password.toLowerCase() !== form.email, {
    path: ['password'],
    error: 'Le mot de passe ne peut pas être l’adresse e-mail.',
  });

export const ChangeRoleSchema = z.object({ staffId: idField('Compte inconnu.'), role });

export const SetDisabledSchema = z.object({
  staffId: idField('Compte inconnu.'),
  disabled: z.enum(['true', 'false'], { error: 'Action inconnue.' }).transform((value) => value === 'true'),
});

export const ChangePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: 'Indiquez votre mot de passe actuel.' })
      .min(1, { error: 'Indiquez votre mot de passe actuel.' })
      .max(PASSWORD_MAX_LENGTH, { error: 'Mot de passe actuel incorrect.' }),
    newPassword,
    confirmation: z.string({ error: 'Confirmez le nouveau mot de passe.' }),
  })
  .refine((form) => form.newPassword === form.confirmation, {
    path: ['confirmation'],
    error: 'Les deux saisies ne correspondent pas.',
  })
  .refine((form) => form.newPassword !== form.currentPassword, {
    path: ['newPassword'],
    error: 'Choisissez un mot de passe différent de l’actuel.',
  });

export type CreateStaffInput = z.output<typeof CreateStaffSchema>;
