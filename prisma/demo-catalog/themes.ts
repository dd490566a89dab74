// The shop's subject tree. Each theme is listed after its parent; paths are slug paths from
// the root. Thema codes follow EDItEUR Thema; CLIL codes are best-effort (to be checked
// against the current CLIL table before production use).
import type { DemoTheme } from './types';

export const THEMES: DemoTheme[] = [
  // Droit
  { path: 'droit', name: 'Droit', clilCode: '3259', themaCode: 'L' },
  { path: 'droit/droit-administratif', name: 'Droit administratif', clilCode: '3263', themaCode: 'LND' },
  {
    path: 'droit/droit-administratif/action-de-l-administration',
    name: "Action de l'administration",
    clilCode: '3263',
    themaCode: 'LNDH',
  },
  {
    path: 'droit/droit-administratif/action-de-l-administration/ouvrages-generaux',
    name: 'Ouvrages généraux',
    clilCode: '3263',
    themaCode: 'LNDH',
  },
  {
    path: 'droit/droit-administratif/action-de-l-administration/contrats-administratifs',
    name: 'Contrats administratifs',
    clilCode: '3263',
    themaCode: 'LNDH',
  },
  {
    path: 'droit/droit-administratif/action-de-l-administration/service-public',
    name: 'Service public',
    clilCode: '3263',
    themaCode: 'LNDH',
  },
  {
    path: 'droit/droit-administratif/contentieux-administratif',
    name: 'Contentieux administratif',
    clilCode: '3263',
    themaCode: 'LNDM',
  },
  {
    path: 'droit/droit-administratif/collectivites-territoriales',
    name: 'Collectivités territoriales',
    clilCode: '3263',
    themaCode: 'LNDU',
  },
  { path: 'droit/droit-public', name: 'Droit public', clilCode: '3262', themaCode: 'LND' },
  {
    path: 'droit/droit-public/droit-constitutionnel',
    name: 'Droit constitutionnel',
    clilCode: '3264',
    themaCode: 'LND',
  },
  {
    path: 'droit/droit-public/libertes-fondamentales',
    name: 'Libertés fondamentales',
    clilCode: '3262',
    themaCode: 'LNDC',
  },
  { path: 'droit/droit-public/finances-publiques', name: 'Finances publiques', clilCode: '3265', themaCode: 'LNU' },
  { path: 'droit/droit-civil', name: 'Droit civil', clilCode: '3267', themaCode: 'LNB' },
  { path: 'droit/droit-civil/contrats', name: 'Contrats', clilCode: '3267', themaCode: 'LNB' },
  {
    path: 'droit/droit-civil/contrats/contrats-speciaux',
    name: 'Contrats spéciaux',
    clilCode: '3267',
    themaCode: 'LNB',
  },
  { path: 'droit/droit-civil/famille', name: 'Droit de la famille', clilCode: '3267', themaCode: 'LNM' },
  {
    path: 'droit/droit-civil/responsabilite-civile',
    name: 'Responsabilité civile',
    clilCode: '3267',
    themaCode: 'LNB',
  },
  { path: 'droit/droit-penal', name: 'Droit pénal', clilCode: '3270', themaCode: 'LNF' },
  { path: 'droit/droit-penal/procedure-penale', name: 'Procédure pénale', clilCode: '3270', themaCode: 'LNFX' },
  { path: 'droit/droit-des-affaires', name: 'Droit des affaires', clilCode: '3268', themaCode: 'LNC' },
  {
    path: 'droit/droit-des-affaires/droit-des-societes',
    name: 'Droit des sociétés',
    clilCode: '3268',
    themaCode: 'LNC',
  },
  { path: 'droit/droit-social', name: 'Droit social', clilCode: '3269', themaCode: 'LNH' },
  { path: 'droit/droit-social/droit-du-travail', name: 'Droit du travail', clilCode: '3269', themaCode: 'LNH' },
  {
    path: 'droit/droit-international-et-europeen',
    name: 'Droit international et européen',
    clilCode: '3266',
    themaCode: 'LB',
  },
  {
    path: 'droit/histoire-du-droit',
    name: 'Histoire du droit et des institutions',
    clilCode: '3260',
    themaCode: 'LAZ',
  },
  { path: 'droit/codes', name: 'Codes', clilCode: '3261', themaCode: 'LNA' },

  // Science politique
  { path: 'science-politique', name: 'Science politique', clilCode: '3299', themaCode: 'JP' },
  { path: 'science-politique/theorie-politique', name: 'Théorie politique', clilCode: '3299', themaCode: 'JPA' },
  {
    path: 'science-politique/vie-politique-francaise',
    name: 'Vie politique française',
    clilCode: '3299',
    themaCode: 'JPH',
  },
  { path: 'science-politique/politiques-publiques', name: 'Politiques publiques', clilCode: '3299', themaCode: 'JPQB' },
  {
    path: 'science-politique/administration-publique',
    name: 'Administration publique',
    clilCode: '3299',
    themaCode: 'JPP',
  },
  {
    path: 'science-politique/relations-internationales',
    name: 'Relations internationales',
    clilCode: '3299',
    themaCode: 'JPS',
  },

  // Économie
  { path: 'economie', name: 'Économie', clilCode: '3278', themaCode: 'KC' },
  {
    path: 'economie/histoire-de-la-pensee-economique',
    name: 'Histoire de la pensée économique',
    clilCode: '3278',
    themaCode: 'KCA',
  },
  { path: 'economie/economie-publique', name: 'Économie publique', clilCode: '3278', themaCode: 'KCP' },
  { path: 'economie/macroeconomie', name: 'Macroéconomie', clilCode: '3278', themaCode: 'KCB' },
  {
    path: 'economie/economie-sociale-et-solidaire',
    name: 'Économie sociale et solidaire',
    clilCode: '3278',
    themaCode: 'KC',
  },

  // Histoire
  { path: 'histoire', name: 'Histoire', clilCode: '3111', themaCode: 'NH' },
  { path: 'histoire/histoire-de-france', name: 'Histoire de France', clilCode: '3111', themaCode: 'NHD' },
  {
    path: 'histoire/histoire-de-france/revolution-et-empire',
    name: 'Révolution et Empire',
    clilCode: '3111',
    themaCode: 'NHD',
  },
  {
    path: 'histoire/histoire-de-france/epoque-contemporaine',
    name: 'Époque contemporaine',
    clilCode: '3111',
    themaCode: 'NHD',
  },

  // Philosophie
  { path: 'philosophie', name: 'Philosophie', clilCode: '3081', themaCode: 'QD' },
  { path: 'philosophie/philosophie-politique', name: 'Philosophie politique', clilCode: '3081', themaCode: 'QDTS' },
  { path: 'philosophie/philosophie-du-droit', name: 'Philosophie du droit', clilCode: '3081', themaCode: 'LAB' },
  { path: 'philosophie/ethique', name: 'Éthique', clilCode: '3081', themaCode: 'QDTQ' },

  // Sociologie
  { path: 'sociologie', name: 'Sociologie', clilCode: '3127', themaCode: 'JHB' },
  {
    path: 'sociologie/methodes-des-sciences-sociales',
    name: 'Méthodes des sciences sociales',
    clilCode: '3127',
    themaCode: 'JHBC',
  },
  {
    path: 'sociologie/travail-social-et-politique-de-la-ville',
    name: 'Travail social et politique de la ville',
    clilCode: '3127',
    themaCode: 'JKS',
  },
  {
    path: 'sociologie/sociologie-des-organisations',
    name: 'Sociologie des organisations',
    clilCode: '3127',
    themaCode: 'JHB',
  },
];
