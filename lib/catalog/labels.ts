// Display labels for ONIX codes stored on books.

// ONIX code list 150 (Product form), first letter: B = printed book, E = digital, A = audio.
export function productFormLabel(code: string): string {
  if (code.startsWith('B')) return 'Livre';
  if (code.startsWith('E')) return 'Livre numérique';
  if (code.startsWith('A')) return 'Livre audio';
  return 'Autre support';
}

// ISO 639-2/B codes, as ONIX code list 74 uses them.
const LANGUAGES: Record<string, string> = {
  fre: 'Français',
  eng: 'Anglais',
  ger: 'Allemand',
  spa: 'Espagnol',
  ita: 'Italien',
  por: 'Portugais',
  lat: 'Latin',
};

export function languageLabel(code: string): string {
  return LANGUAGES[code] ?? code;
}

// ONIX code list 17 (Contributor role), the roles a bookshop shows.
const ROLES: Record<string, string> = {
  A01: 'Auteur',
  A12: 'Illustrateur',
  A15: 'Préface',
  A19: 'Postface',
  B01: 'Directeur de publication',
  B06: 'Traducteur',
};

export function contributorRoleLabel(code: string): string {
  return ROLES[code] ?? 'Contributeur';
}
