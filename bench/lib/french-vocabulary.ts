// Words the synthetic catalog draws from: the subjects, names and places of a French law and
// humanities bookshop. Order matters: earlier entries are drawn more often (Zipf-like), so some
// words are common ("droit" in a fifth of the books) and others rare, as in a real catalog.

export type Noun = { word: string; feminine: boolean; plural?: boolean };

const n = (word: string, feminine: boolean, plural = false): Noun => ({ word, feminine, plural });

export const NOUNS: Noun[] = [
  n('droit', false),
  n('politique', true),
  n('histoire', true),
  n('société', true),
  n('État', false),
  n('démocratie', true),
  n('justice', true),
  n('économie', true),
  n('travail', false),
  n('pouvoir', false),
  n('décentralisation', true),
  n('libertés', true, true),
  n('contrat', false),
  n('responsabilité', true),
  n('territoire', false),
  n('Europe', true),
  n('Constitution', true),
  n('institutions', true, true),
  n('coopération', true),
  n('action publique', true),
  n('gouvernance', true),
  n('citoyenneté', true),
  n('souveraineté', true),
  n('laïcité', true),
  n('mondialisation', true),
  n('sociologie', true),
  n('philosophie', true),
  n('contentieux', false),
  n('fiscalité', true),
  n('urbanisme', false),
  n('environnement', false),
  n('numérique', false),
  n('santé', true),
  n('éducation', true),
  n('immigration', true),
  n('famille', true),
  n('propriété', true),
  n('concurrence', true),
  n('sécurité sociale', true),
  n('fonction publique', true),
  n('collectivités territoriales', true, true),
  n('service public', false),
  n('marché', false),
  n('entreprise', true),
  n('syndicalisme', false),
  n('révolution', true),
  n('République', true),
  n('nation', true),
  n('guerre', true),
  n('paix', true),
  n('mémoire', true),
  n('violence', true),
  n('religion', true),
  n('éthique', true),
  n('bioéthique', true),
  n('procédure', true),
  n('preuve', true),
  n('arbitrage', false),
  n('médiation', true),
  n('sanction', true),
  n('prison', true),
  n('police', true),
  n('frontières', true, true),
  n('réfugiés', false, true),
  n('inégalités', true, true),
  n('pauvreté', true),
  n('vieillissement', false),
  n('jeunesse', true),
  n('école', true),
  n('université', true),
  n('médias', false, true),
  n('opinion', true),
  n('élections', true, true),
  n('partis', false, true),
  n('parlement', false),
  n('jurisprudence', true),
  n('doctrine', true),
  n('codification', true),
  n('subsidiarité', true),
  n('intercommunalité', true),
  n('métropolisation', true),
  n('ruralité', true),
  n('agriculture', true),
  n('énergie', true),
  n('climat', false),
  n('biodiversité', true),
  n('patrimoine', false),
  n('culture', true),
  n('colonisation', true),
  n('décolonisation', true),
  n('esclavage', false),
  n('féminisme', false),
  n('parité', true),
  n('discrimination', true),
  n('handicap', false),
  n('dépendance', true),
  n('protection sociale', true),
  n('assurance', true),
  n('banque', true),
  n('monnaie', true),
  n('dette publique', true),
  n('budget', false),
  n('commande publique', true),
  n('expropriation', true),
  n('cybersécurité', true),
  n('intelligence artificielle', true),
  n('données personnelles', true, true),
  n('transparence', true),
  n('corruption', true),
  n('lobbying', false),
  n('déontologie', true),
  n('magistrature', true),
  n('avocats', false, true),
  n('notariat', false),
  n('constitutionnalisme', false),
  n('fédéralisme', false),
  n('régionalisme', false),
  n('plurilinguisme', false),
];

export type Adjective = { masculine: string; feminine: string };
const a = (masculine: string, feminine = masculine): Adjective => ({ masculine, feminine });

export const ADJECTIVES: Adjective[] = [
  a('public', 'publique'),
  a('français', 'française'),
  a('européen', 'européenne'),
  a('constitutionnel', 'constitutionnelle'),
  a('administratif', 'administrative'),
  a('social', 'sociale'),
  a('international', 'internationale'),
  a('contemporain', 'contemporaine'),
  a('comparé', 'comparée'),
  a('territorial', 'territoriale'),
  a('local', 'locale'),
  a('économique'),
  a('juridique'),
  a('moderne'),
  a('démocratique'),
  a('républicain', 'républicaine'),
  a('critique'),
  a('fiscal', 'fiscale'),
  a('pénal', 'pénale'),
  a('civil', 'civile'),
  a('numérique'),
  a('environnemental', 'environnementale'),
  a('médiéval', 'médiévale'),
  a('colonial', 'coloniale'),
  a('urbain', 'urbaine'),
  a('rural', 'rurale'),
];

export const SUBTITLES = [
  'enjeux et perspectives',
  'histoire d’une idée',
  'approche comparée',
  'théorie et pratique',
  'l’exemple français',
  'XIXe-XXe siècles',
  'une introduction',
  'manuel à l’usage des étudiants',
  'essai de sociologie politique',
  'regards croisés',
  'genèse et transformations',
  'textes et documents',
  'nouvelles approches',
  'bilan et prospective',
  'les leçons de l’expérience',
  'entre droit et politique',
  'une enquête',
  'actes du colloque',
  'cours et travaux dirigés',
  'méthodes et concepts',
];

export const WORK_TYPES = ['Essai', 'Manuel', 'Documents', 'Thèse', 'Ouvrage collectif', 'Précis', 'Code', 'Mémento'];

export const FIRST_NAMES = (
  'Jean Marie Pierre Anne Michel Catherine Philippe Isabelle Alain Sylvie Nicolas Nathalie François Christine ' +
  'Jacques Martine Bernard Françoise Éric Valérie Patrick Sandrine Daniel Sophie Christophe Céline Laurent ' +
  'Véronique Stéphane Hélène Olivier Camille Thomas Julie Sébastien Aurélie Frédéric Émilie Julien Claire ' +
  'Antoine Élise Mathieu Pauline Guillaume Mathilde Vincent Léa Benoît Chloé Arnaud Manon Hugo Inès Lucas ' +
  'Zoé Louis Jeanne Paul Agnès Henri Geneviève Yves Odile Gérard Colette Marc Brigitte Bruno Dominique Denis ' +
  'Élisabeth Emmanuel Florence Fabrice Mireille Gilles Pascale Hervé Corinne Jérôme Danielle Didier Muriel ' +
  'Raphaël Anaïs Maxime Noémie Damien Juliette Cédric Margaux Rémi Alice Loïc Charlotte Yann Lucie Tristan Ève'
).split(' ');

export const LAST_NAMES = (
  'Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel Lefèvre Leroy Roux ' +
  'David Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau Vincent Muller Lefebvre Faure ' +
  'André Mercier Blanc Guérin Boyer Garnier Chevalier François Legrand Gauthier Garcia Perrin Robin Clément ' +
  'Morin Nicolas Henry Roussel Mathieu Gautier Masson Marchand Duval Denis Dumont Marie Lemaire Noël Meyer ' +
  'Dufour Meunier Brun Blanchard Giraud Joly Rivière Lucas Brunet Gaillard Barbier Arnaud Martinez Gérard ' +
  'Roche Renard Schmitt Roy Leroux Colin Vidal Caron Picard Roger Fabre Aubert Lemoine Renaud Dumas Lacroix ' +
  'Olivier Philippe Bourgeois Pierre Benoît Rey Leclerc Payet Rolland Leclercq Guillaume Lecomte Lopez Jean ' +
  'Dupuy Guillot Hubert Berger Carpentier Sanchez Dupuis Moulin Louis Deschamps Huet Vasseur Perez Boucher ' +
  'Fleury Royer Klein Jacquet Adam Paris Poirier Marty Aubry Guyot Carré Charles Renault Charpentier Ménard ' +
  'Maillard Baron Bertin Bailly Hervé Schneider Fernandez Le Gall Collet Léger Bouvier Julien Prévost Millet ' +
  'Perrot Daniel Le Roux Cousin Germain Breton Besson Langlois Rémy Le Goff Pelletier Lévêque Perrier Leblanc ' +
  'Barré Lebrun Marchal Weber Mallet Hamon Boulanger Jacob Monnier Michaud Rodriguez Guichard Gillet Étienne ' +
  'Grondin Poulain Tessier Chevallier Collin Chauvin Da Silva Bouchet Gay Lemaître Bénard Maréchal Humbert ' +
  'Reynaud Antoine Hoarau Perret Barthélemy Cordier Pichon Lejeune Gilbert Lamy Delaunay Pasquier Carlier ' +
  'Laporte Tocqueville Duguit Hauriou Carbonnier Favoreu Chapus Vedel Rivero Waline Eisenmann'
).split(' ');

export const CITIES = (
  'Paris Lyon Marseille Toulouse Bordeaux Lille Nantes Strasbourg Rennes Grenoble Montpellier Dijon Rouen ' +
  'Caen Nancy Metz Tours Poitiers Limoges Clermont Besançon Orléans Reims Amiens Nice Aix Pau Brest Angers Avignon'
).split(' ');

export const PUBLISHER_PATTERNS = [
  (name: string) => `Éditions ${name}`,
  (name: string) => `Presses universitaires de ${name}`,
  (name: string) => `Librairie ${name}`,
  (name: string) => `${name} Éditeur`,
  (name: string) => `Éditions du ${name}`,
];

export const COLLECTION_NAMES = [
  'Bibliothèque de droit public',
  'Thèmes et commentaires',
  'Logiques politiques',
  'Manuels',
  'Essais',
  'Points de repère',
  'Sciences sociales',
  'Droit et société',
  'Histoire contemporaine',
  'Libres cours',
  'Grands textes',
  'Questions contemporaines',
  'Études et recherches',
  'Travaux et mémoires',
  'Mémentos',
  'Précis',
  'Champs',
  'Repères',
  'Collection universitaire',
  'Le sens commun',
];
