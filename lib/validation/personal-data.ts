import { z } from 'zod';

// The admin's forms of /admin/donnees-personnelles: the address a person wrote from, and the
// explicit confirmation an erasure needs.

export const SubjectEmailSchema = z
  .string({ error: 'Indiquez l’adresse e-mail de la personne.' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'Indiquez l’adresse e-mail de la personne.' })
  .max(254, { error: 'Adresse e-mail invalide.' })
  .pipe(z.email({ error: 'Adresse e-mail invalide (exemple : nom@exemple.fr).' }));

export const ErasureFormSchema = z.object({
  email: SubjectEmailSchema,
  confirm: z.literal('oui', { error: 'Cochez la case pour confirmer l’effacement.' }),
});
