// Publishers and their collections.
import type { DemoCollection, DemoPublisher } from './types';

export const PUBLISHERS: DemoPublisher[] = [
  { slug: 'dalloz', name: 'Dalloz' },
  { slug: 'lgdj', name: 'LGDJ' },
  { slug: 'puf', name: 'Presses universitaires de France' },
  { slug: 'la-decouverte', name: 'La Découverte' },
  { slug: 'l-harmattan', name: "L'Harmattan" },
  { slug: 'gallimard', name: 'Gallimard' },
  { slug: 'presses-de-sciences-po', name: 'Presses de Sciences Po' },
  { slug: 'armand-colin', name: 'Armand Colin' },
  { slug: 'cnrs-editions', name: 'CNRS Éditions' },
  { slug: 'economica', name: 'Économica' },
  { slug: 'berger-levrault', name: 'Berger-Levrault' },
];

export const COLLECTIONS: DemoCollection[] = [
  // Dalloz
  { slug: 'precis-dalloz', name: 'Précis Dalloz', publisherSlug: 'dalloz' },
  { slug: 'cours-dalloz', name: 'Cours Dalloz', publisherSlug: 'dalloz' },
  { slug: 'hypercours', name: 'Hypercours', publisherSlug: 'dalloz' },
  { slug: 'les-grands-arrets', name: 'Les grands arrêts', publisherSlug: 'dalloz' },
  { slug: 'codes-dalloz', name: 'Codes Dalloz', publisherSlug: 'dalloz' },
  { slug: 'bibliotheque-dalloz', name: 'Bibliothèque Dalloz', publisherSlug: 'dalloz' },
  // LGDJ
  { slug: 'manuels-lgdj', name: 'Manuels LGDJ', publisherSlug: 'lgdj' },
  { slug: 'bibliotheque-de-droit-public', name: 'Bibliothèque de droit public', publisherSlug: 'lgdj' },
  { slug: 'la-pensee-juridique', name: 'La pensée juridique', publisherSlug: 'lgdj' },
  // PUF
  { slug: 'que-sais-je', name: 'Que sais-je ?', publisherSlug: 'puf' },
  { slug: 'themis-droit', name: 'Thémis droit', publisherSlug: 'puf' },
  { slug: 'quadrige', name: 'Quadrige', publisherSlug: 'puf' },
  { slug: 'leviathan', name: 'Léviathan', publisherSlug: 'puf' },
  // La Découverte
  { slug: 'reperes', name: 'Repères', publisherSlug: 'la-decouverte' },
  { slug: 'la-decouverte-poche', name: 'La Découverte Poche', publisherSlug: 'la-decouverte' },
  // L'Harmattan
  {
    slug: 'administration-et-amenagement-du-territoire',
    name: 'Administration et Aménagement du territoire',
    publisherSlug: 'l-harmattan',
  },
  { slug: 'logiques-politiques', name: 'Logiques politiques', publisherSlug: 'l-harmattan' },
  { slug: 'logiques-sociales', name: 'Logiques sociales', publisherSlug: 'l-harmattan' },
  { slug: 'logiques-juridiques', name: 'Logiques juridiques', publisherSlug: 'l-harmattan' },
  // Gallimard
  { slug: 'folio-essais', name: 'Folio essais', publisherSlug: 'gallimard' },
  { slug: 'folio-histoire', name: 'Folio histoire', publisherSlug: 'gallimard' },
  { slug: 'bibliotheque-des-histoires', name: 'Bibliothèque des histoires', publisherSlug: 'gallimard' },
  // Presses de Sciences Po
  { slug: 'references-sciences-po', name: 'Références', publisherSlug: 'presses-de-sciences-po' },
  { slug: 'fait-politique', name: 'Fait politique', publisherSlug: 'presses-de-sciences-po' },
  // Armand Colin
  { slug: 'collection-u', name: 'U', publisherSlug: 'armand-colin' },
  { slug: 'cursus', name: 'Cursus', publisherSlug: 'armand-colin' },
  // CNRS Éditions
  { slug: 'biblis', name: 'Biblis', publisherSlug: 'cnrs-editions' },
  // Économica
  { slug: 'economie-poche', name: 'Économie poche', publisherSlug: 'economica' },
  // Berger-Levrault
  { slug: 'les-indispensables', name: 'Les Indispensables', publisherSlug: 'berger-levrault' },
];
