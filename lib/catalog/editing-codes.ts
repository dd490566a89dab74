// The codes staff pick from when they edit a book by hand, with their French labels: the same
// ONIX code lists the distributors' feeds use, so a book typed in and a book imported read alike.

/** ONIX code list 65 (Product availability): https://ns.editeur.org/onix/en/65 */
export const SUPPLIER_AVAILABILITY_CODES: Record<string, string> = {
  '20': '20 — Disponible',
  '21': '21 — En stock chez le distributeur',
  '22': '22 — À commander',
  '23': '23 — Impression à la demande',
  '10': '10 — À paraître',
  '11': '11 — En cours de réapprovisionnement (à paraître)',
  '12': '12 — À paraître en impression à la demande',
  '30': '30 — Temporairement indisponible',
  '31': '31 — Rupture de stock chez le distributeur',
  '32': '32 — En réimpression',
  '33': '33 — En attente de réédition',
  '34': '34 — Retiré temporairement de la vente',
  '40': '40 — Indisponible',
  '41': '41 — Remplacé par un autre produit',
  '42': '42 — Disponible dans un autre format',
  '43': '43 — N’est plus fourni par ce distributeur',
  '44': '44 — Vendu directement par l’éditeur',
  '45': '45 — Non vendu séparément',
  '46': '46 — Retiré de la vente',
  '47': '47 — Soldé',
  '48': '48 — Remplacé par une impression à la demande',
  '49': '49 — Rappelé',
  '50': '50 — Non vendu en lot',
  '51': '51 — Épuisé chez l’éditeur',
  '52': '52 — Plus vendu sur ce marché',
  '97': '97 — Pas de mise à jour récente',
  '98': '98 — Plus de mise à jour',
  '99': '99 — Contacter le distributeur',
  '01': '01 — Annulé',
  '09': '09 — Reporté sans date',
};

/** ONIX code list 150 (Product form), the printed forms a bookshop sells. */
export const PRODUCT_FORMS: Record<string, string> = {
  BC: 'Broché',
  BB: 'Relié',
  BA: 'Livre',
  BE: 'Reliure spirale',
  BZ: 'Autre livre imprimé',
};

/** ONIX code list 17 (Contributor role): the roles the shop shows. */
export const CONTRIBUTOR_ROLES: Record<string, string> = {
  A01: 'Auteur',
  B01: 'Directeur de publication',
  A15: 'Préface',
  A19: 'Postface',
  B06: 'Traducteur',
  A12: 'Illustrateur',
};

/** VAT rates on books and what a bookshop sells beside them (CGI art. 278-0 bis A, 281 nonies, 278). */
export const VAT_RATES: Record<string, string> = {
  '550': '5,5 % (livre)',
  '210': '2,1 % (presse)',
  '2000': '20 % (autre article)',
};

export const LANGUAGES: Record<string, string> = {
  fre: 'Français',
  eng: 'Anglais',
  ger: 'Allemand',
  spa: 'Espagnol',
  ita: 'Italien',
  por: 'Portugais',
  lat: 'Latin',
};
