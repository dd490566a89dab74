import { normalizeText } from '@/lib/search/normalize';

/** "L'Harmattan" → "l-harmattan", "Presses universitaires de France" → "presses-universitaires-de-france". */
export function slugify(text: string): string {
  const slug = normalizeText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
  return slug || 'sans-nom';
}
