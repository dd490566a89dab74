import { z } from 'zod';
import { dayField } from './day-field';

// The period of /admin/factures/chorus-pro (?du=2026-12-01&au=2026-12-31): Paris calendar days,
// both included, a year at most (one export stays a reasonable zip).

export const MAX_EXPORT_DAYS = 366;

export const ChorusProExportQuerySchema = z
  .object({
    du: dayField('Indiquez le premier jour.'),
    au: dayField('Indiquez le dernier jour.'),
  })
  // Checked only once both days parsed: zod runs an object's checks even after a field's own failed.
  .superRefine((period, ctx) => {
    if (!(period.du instanceof Date) || !(period.au instanceof Date)) return;
    if (period.au < period.du)
      ctx.addIssue({ code: 'custom', message: 'Le dernier jour précède le premier.', path: ['au'] });
    else if (period.au.getTime() - period.du.getTime() >= MAX_EXPORT_DAYS * 86_400_000)
      ctx.addIssue({
        code: 'custom',
        message: `Une période d’un an au plus (${MAX_EXPORT_DAYS} jours).`,
        path: ['au'],
      });
  })
  .transform((period) => ({
    from: period.du.toISOString().slice(0, 10),
    to: period.au.toISOString().slice(0, 10),
  }));

export type ChorusProExportPeriod = z.infer<typeof ChorusProExportQuerySchema>;
