import { z } from 'zod';
import { SHOP_TIME_ZONE } from '@/lib/core/date';

// The year of a lending-right declaration (?annee=2026): by default the year before the current
// one, the year SOFIA asks booksellers to declare. A year out of range falls back to it.

export function lastYear(now: Date): number {
  return Number(new Intl.DateTimeFormat('fr-FR', { timeZone: SHOP_TIME_ZONE, year: 'numeric' }).format(now)) - 1;
}

export function parseDeclarationYear(params: Record<string, string | undefined>, now: Date): number {
  const parsed = z.coerce.number().int().min(2000).max(2100).safeParse(params.annee);
  return parsed.success ? parsed.data : lastYear(now);
}
