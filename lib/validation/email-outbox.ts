import { z } from 'zod';
import { firstValues, type SearchParams } from './search-params';
import { idField } from './staff';

// /admin/emails: which e-mails to list, and the "renvoyer" form.

export const EMAIL_STATUS_URL_VALUES = { 'en-attente': 'pending', envoyes: 'sent', 'en-echec': 'failed' } as const;
type StatusSlug = keyof typeof EMAIL_STATUS_URL_VALUES;

const EmailOutboxQuerySchema = z.object({
  etat: z
    .enum(Object.keys(EMAIL_STATUS_URL_VALUES) as [StatusSlug, ...StatusSlug[]])
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});

export type EmailOutboxQuery = z.infer<typeof EmailOutboxQuerySchema>;

export function parseEmailOutboxQuery(params: SearchParams): EmailOutboxQuery {
  return EmailOutboxQuerySchema.parse(firstValues(params));
}

export function emailOutboxHref(query: EmailOutboxQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.etat) params.set('etat', query.etat);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/admin/emails?${search}` : '/admin/emails';
}

export const ResendEmailSchema = z.object({ emailId: idField('Courriel inconnu.') });
