// The kinds of customer organisation, in the words of loi n° 81-766, art. 3 and of the trade. Pure.
import type { OrganisationKind } from '@/lib/pricing';

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  library: 'Bibliothèque accueillant du public',
  state: 'État (administration, juridiction)',
  local_authority: 'Collectivité territoriale',
  teaching_establishment: 'Établissement d’enseignement (école, collège, lycée, université)',
  training_or_research_establishment: 'Établissement de formation professionnelle ou de recherche',
  trade_union: 'Syndicat représentatif',
  works_council: 'Comité social et économique (CSE)',
  company: 'Entreprise ou cabinet',
  reseller: 'Librairie revendeur',
};
