// The version of the conditions générales de vente in force: shown on /conditions-generales-de-vente,
// stored with each order (Order.termsVersion) and named in its confirmation, so that the terms a
// customer accepted can be found again (Code civil, art. 1127-1: archiving and access). A new
// version is a new date here, and its text in lib/terms/*-terms.ts (lib/terms/current-terms.ts).

/** The day the current terms came into force ("AAAA-MM-JJ"). */
export const TERMS_VERSION = '2026-12-08';

/** "version du 7 décembre 2026" */
export function termsVersionLabel(version: string): string {
  const day = new Date(`${version}T12:00:00Z`);
  return `version du ${new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(day)}`;
}
