// Authors, editors, translators and preface writers. Real people (classics, the authors of
// the "GAJA", translators) keep factual short biographies; the other names are invented for
// the demo.
import type { DemoContributor } from './types';
import { SEED_AUTHOR } from './seed-book';

export const CONTRIBUTORS: DemoContributor[] = [
  SEED_AUTHOR,

  // Droit
  {
    slug: 'jean-claude-vaures',
    name: 'Jean-Claude Vaurès',
    sortName: 'Vaurès, Jean-Claude',
    biography:
      "Jean-Claude Vaurès est professeur émérite de droit public à l'université de Bordeaux. Il a longtemps " +
      'dirigé le master de droit des collectivités territoriales et consacré ses travaux à la théorie de ' +
      "l'acte administratif.",
  },
  {
    slug: 'anne-lestrade',
    name: 'Anne Lestrade',
    sortName: 'Lestrade, Anne',
    biography:
      "Anne Lestrade est professeure de droit public à l'université Toulouse Capitole, spécialiste du droit " +
      'de la responsabilité administrative.',
  },
  {
    slug: 'marceau-long',
    name: 'Marceau Long',
    sortName: 'Long, Marceau',
    biography: "Marceau Long (1926-2016) fut vice-président du Conseil d'État de 1987 à 1995.",
  },
  {
    slug: 'prosper-weil',
    name: 'Prosper Weil',
    sortName: 'Weil, Prosper',
    biography:
      "Prosper Weil (1926-2018), professeur émérite de l'université Panthéon-Assas, fut membre de l'Académie " +
      'des sciences morales et politiques.',
  },
  {
    slug: 'guy-braibant',
    name: 'Guy Braibant',
    sortName: 'Braibant, Guy',
    biography: "Guy Braibant (1927-2008) fut président de section au Conseil d'État.",
  },
  {
    slug: 'pierre-delvolve',
    name: 'Pierre Delvolvé',
    sortName: 'Delvolvé, Pierre',
    biography:
      "Pierre Delvolvé est professeur émérite de l'université Panthéon-Assas et membre de l'Académie des " +
      'sciences morales et politiques.',
  },
  {
    slug: 'bruno-genevois',
    name: 'Bruno Genevois',
    sortName: 'Genevois, Bruno',
    biography:
      "Bruno Genevois est président de section honoraire au Conseil d'État et ancien secrétaire général du " +
      'Conseil constitutionnel.',
  },
  {
    slug: 'mathieu-dorval',
    name: 'Mathieu Dorval',
    sortName: 'Dorval, Mathieu',
    biography:
      'Mathieu Dorval est premier conseiller de tribunal administratif et enseigne le contentieux ' +
      "administratif à l'université Paris-Nanterre.",
  },
  {
    slug: 'claire-benhamou',
    name: 'Claire Benhamou',
    sortName: 'Benhamou, Claire',
    biography:
      "Claire Benhamou est professeure de droit public à l'université Lyon 3, spécialiste de la commande " +
      'publique.',
  },
  {
    slug: 'pierre-yves-mallet',
    name: 'Pierre-Yves Mallet',
    sortName: 'Mallet, Pierre-Yves',
    biography: "Pierre-Yves Mallet est maître de conférences en droit public à l'université de Rennes.",
  },
  {
    slug: 'sophie-raynaud-lacaze',
    name: 'Sophie Raynaud-Lacaze',
    sortName: 'Raynaud-Lacaze, Sophie',
    biography:
      "Sophie Raynaud-Lacaze est professeure de droit public à l'université de Montpellier. Ses recherches " +
      "portent sur l'ordre public et les libertés.",
  },
  {
    slug: 'gerard-pellissier',
    name: 'Gérard Pellissier',
    sortName: 'Pellissier, Gérard',
    biography:
      'Gérard Pellissier, ancien directeur général des services de plusieurs communes, intervient dans la ' +
      'formation des cadres territoriaux.',
  },
  {
    slug: 'nadia-ferhat',
    name: 'Nadia Ferhat',
    sortName: 'Ferhat, Nadia',
    biography: 'Nadia Ferhat est avocate au barreau de Lyon, spécialisée en droit public des collectivités.',
  },
  {
    slug: 'olivier-castaing',
    name: 'Olivier Castaing',
    sortName: 'Castaing, Olivier',
    biography:
      "Olivier Castaing est administrateur territorial hors classe et chargé d'enseignement à Sciences Po Lyon.",
  },
  {
    slug: 'bernard-tissier',
    name: 'Bernard Tissier',
    sortName: 'Tissier, Bernard',
    biography:
      'Bernard Tissier, ancien sous-préfet, conseille les élus locaux sur les questions de police ' +
      'municipale et de sécurité publique.',
  },
  {
    slug: 'laurent-ferrand-delmas',
    name: 'Laurent Ferrand-Delmas',
    sortName: 'Ferrand-Delmas, Laurent',
    biography:
      "Laurent Ferrand-Delmas est professeur de droit public à l'université Paris 1 Panthéon-Sorbonne, où il " +
      'enseigne le droit constitutionnel et le contentieux constitutionnel.',
  },
  {
    slug: 'agnes-roblot-kerherve',
    name: 'Agnès Roblot-Kerhervé',
    sortName: 'Roblot-Kerhervé, Agnès',
    biography: "Agnès Roblot-Kerhervé est maîtresse de conférences en droit public à l'université de Brest.",
  },
  {
    slug: 'remi-chauviere',
    name: 'Rémi Chauvière',
    sortName: 'Chauvière, Rémi',
    biography: "Rémi Chauvière est professeur de droit public à l'université de Strasbourg.",
  },
  {
    slug: 'elodie-sarrazin',
    name: 'Élodie Sarrazin',
    sortName: 'Sarrazin, Élodie',
    biography:
      "Élodie Sarrazin est professeure de droit public à l'université de Lille, spécialiste de la Convention " +
      'européenne des droits de l’homme.',
  },
  {
    slug: 'jacques-moreau-vigier',
    name: 'Jacques Moreau-Vigier',
    sortName: 'Moreau-Vigier, Jacques',
    biography:
      'Jacques Moreau-Vigier est conseiller maître honoraire à la Cour des comptes et professeur associé à ' +
      "l'université Paris-Saclay.",
  },
  {
    slug: 'antoine-lemercier',
    name: 'Antoine Lemercier',
    sortName: 'Lemercier, Antoine',
    biography: "Antoine Lemercier est professeur de droit privé à l'université Panthéon-Assas.",
  },
  {
    slug: 'juliette-saint-amand',
    name: 'Juliette Saint-Amand',
    sortName: 'Saint-Amand, Juliette',
    biography: "Juliette Saint-Amand est professeure de droit privé à l'université de Poitiers.",
  },
  {
    slug: 'valerie-oudinot',
    name: 'Valérie Oudinot',
    sortName: 'Oudinot, Valérie',
    biography:
      "Valérie Oudinot est professeure de droit privé à l'université de Nantes et directrice de l'Institut " +
      "d'études judiciaires.",
  },
  {
    slug: 'cecile-armand-prevost',
    name: 'Cécile Armand-Prévost',
    sortName: 'Armand-Prévost, Cécile',
    biography:
      'Cécile Armand-Prévost est magistrate administrative, rapporteure publique au tribunal administratif de Paris.',
  },
  { slug: 'herve-lamarque', name: 'Hervé Lamarque', sortName: 'Lamarque, Hervé' },
  {
    slug: 'isabelle-guerin-fabre',
    name: 'Isabelle Guérin-Fabre',
    sortName: 'Guérin-Fabre, Isabelle',
    biography: "Isabelle Guérin-Fabre est professeure de droit privé à l'université Grenoble Alpes.",
  },
  {
    slug: 'hugo-bellanger',
    name: 'Hugo Bellanger',
    sortName: 'Bellanger, Hugo',
    biography: "Hugo Bellanger est maître de conférences en droit privé à l'université de Caen Normandie.",
  },
  {
    slug: 'martine-leclerc-aubry',
    name: 'Martine Leclerc-Aubry',
    sortName: 'Leclerc-Aubry, Martine',
    biography:
      "Martine Leclerc-Aubry est professeure de droit pénal à l'université d'Aix-Marseille et directrice " +
      "de l'Institut de sciences pénales et de criminologie.",
  },
  {
    slug: 'yannick-roussel',
    name: 'Yannick Roussel',
    sortName: 'Roussel, Yannick',
    biography: 'Yannick Roussel est avocat général à la Cour de cassation et ancien juge d’instruction.',
  },
  {
    slug: 'paul-henri-lavergne',
    name: 'Paul-Henri Lavergne',
    sortName: 'Lavergne, Paul-Henri',
    biography: "Paul-Henri Lavergne est professeur de droit privé à l'université Paris Dauphine-PSL et avocat.",
  },
  { slug: 'bertrand-mechin', name: 'Bertrand Méchin', sortName: 'Méchin, Bertrand' },
  {
    slug: 'nathalie-kervella',
    name: 'Nathalie Kervella',
    sortName: 'Kervella, Nathalie',
    biography: "Nathalie Kervella est professeure de droit privé à l'université de Bretagne occidentale.",
  },
  {
    slug: 'sebastien-moulin',
    name: 'Sébastien Moulin',
    sortName: 'Moulin, Sébastien',
    biography: 'Sébastien Moulin est conseiller à la chambre sociale de la Cour de cassation.',
  },
  {
    slug: 'alain-bonnefoy',
    name: 'Alain Bonnefoy',
    sortName: 'Bonnefoy, Alain',
    biography: "Alain Bonnefoy est professeur de droit social à l'université de Bourgogne.",
  },
  {
    slug: 'marie-laure-dufresne',
    name: 'Marie-Laure Dufresne',
    sortName: 'Dufresne, Marie-Laure',
    biography:
      "Marie-Laure Dufresne est professeure de droit public à l'université de Bordeaux, titulaire d'une " +
      'chaire Jean Monnet.',
  },
  {
    slug: 'emmanuel-brault-senac',
    name: 'Emmanuel Brault-Sénac',
    sortName: 'Brault-Sénac, Emmanuel',
    biography: "Emmanuel Brault-Sénac est professeur de droit international à l'université Côte d'Azur.",
  },
  {
    slug: 'jean-marie-castelnau',
    name: 'Jean-Marie Castelnau',
    sortName: 'Castelnau, Jean-Marie',
    biography:
      "Jean-Marie Castelnau est professeur d'histoire du droit à l'université de Toulouse. Il travaille sur " +
      "l'administration royale et les intendants.",
  },
  {
    slug: 'aurelien-gasquet',
    name: 'Aurélien Gasquet',
    sortName: 'Gasquet, Aurélien',
    biography:
      "Aurélien Gasquet est maître de conférences en droit public à l'université de Pau et des pays de " +
      "l'Adour. Cet ouvrage est issu de sa thèse de doctorat.",
  },
  {
    slug: 'damien-le-floch',
    name: 'Damien Le Floch',
    sortName: 'Le Floch, Damien',
    biography: 'Damien Le Floch est docteur en droit public et chargé de mission dans une métropole.',
  },
  {
    slug: 'lea-fontanges',
    name: 'Léa Fontanges',
    sortName: 'Fontanges, Léa',
    biography: "Léa Fontanges est maîtresse de conférences en science politique à l'université de Rennes.",
  },
  { slug: 'marc-antoine-delorme', name: 'Marc-Antoine Delorme', sortName: 'Delorme, Marc-Antoine' },
  {
    slug: 'florence-jamet',
    name: 'Florence Jamet',
    sortName: 'Jamet, Florence',
    biography: "Florence Jamet est professeure de droit public à l'université d'Orléans.",
  },
  {
    slug: 'charlotte-ainsworth',
    name: 'Charlotte Ainsworth',
    sortName: 'Ainsworth, Charlotte',
    biography: 'Charlotte Ainsworth enseigne le droit public comparé dans une université britannique.',
  },
  {
    slug: 'olivier-renard',
    name: 'Olivier Renard',
    sortName: 'Renard, Olivier',
    biography: "Olivier Renard est professeur de droit public à l'université Paris-Est Créteil.",
  },
  {
    slug: 'hans-kelsen',
    name: 'Hans Kelsen',
    sortName: 'Kelsen, Hans',
    biography:
      'Hans Kelsen (1881-1973), juriste autrichien, inspira la Constitution autrichienne de 1920. Il enseigna ' +
      'à Vienne, Cologne, Genève puis Berkeley et fonda le normativisme.',
  },
  {
    slug: 'charles-eisenmann',
    name: 'Charles Eisenmann',
    sortName: 'Eisenmann, Charles',
    biography:
      'Charles Eisenmann (1903-1980), professeur de droit public, fut le principal introducteur de la ' +
      'pensée de Kelsen en France.',
  },
  {
    slug: 'michel-villey',
    name: 'Michel Villey',
    sortName: 'Villey, Michel',
    biography:
      'Michel Villey (1914-1988), historien et philosophe du droit, enseigna à la faculté de droit de Paris ' +
      'puis à Paris II. Il dirigea les Archives de philosophie du droit.',
  },

  // Sciences humaines
  {
    slug: 'montesquieu',
    name: 'Montesquieu',
    sortName: 'Montesquieu',
    biography:
      'Charles-Louis de Secondat, baron de La Brède et de Montesquieu (1689-1755), magistrat au parlement ' +
      "de Bordeaux, est l'auteur des Lettres persanes (1721) et De l'esprit des lois (1748).",
  },
  {
    slug: 'alexis-de-tocqueville',
    name: 'Alexis de Tocqueville',
    sortName: 'Tocqueville, Alexis de',
    biography:
      'Alexis de Tocqueville (1805-1859), magistrat, député de la Manche puis ministre des Affaires ' +
      "étrangères en 1849, est l'auteur de De la démocratie en Amérique et de L'Ancien Régime et la Révolution.",
  },
  {
    slug: 'jean-jacques-rousseau',
    name: 'Jean-Jacques Rousseau',
    sortName: 'Rousseau, Jean-Jacques',
    biography:
      'Jean-Jacques Rousseau (1712-1778), né à Genève, philosophe et écrivain, publie en 1762 Du contrat ' +
      'social et Émile.',
  },
  {
    slug: 'thomas-hobbes',
    name: 'Thomas Hobbes',
    sortName: 'Hobbes, Thomas',
    biography: 'Thomas Hobbes (1588-1679), philosophe anglais, publie le Léviathan en 1651.',
  },
  {
    slug: 'gerard-mairet',
    name: 'Gérard Mairet',
    sortName: 'Mairet, Gérard',
    biography: "Gérard Mairet, philosophe, a enseigné la philosophie politique à l'université Paris-VIII.",
  },
  {
    slug: 'max-weber',
    name: 'Max Weber',
    sortName: 'Weber, Max',
    biography:
      "Max Weber (1864-1920), sociologue et économiste allemand, est l'auteur de L'Éthique protestante et " +
      "l'esprit du capitalisme et d'Économie et société.",
  },
  {
    slug: 'catherine-colliot-thelene',
    name: 'Catherine Colliot-Thélène',
    sortName: 'Colliot-Thélène, Catherine',
    biography:
      "Catherine Colliot-Thélène, philosophe, professeure émérite à l'université de Rennes, est spécialiste " +
      "de l'œuvre de Max Weber.",
  },
  {
    slug: 'emile-durkheim',
    name: 'Émile Durkheim',
    sortName: 'Durkheim, Émile',
    biography:
      "Émile Durkheim (1858-1917), fondateur de l'école française de sociologie et de L'Année sociologique, " +
      'est notamment l’auteur de De la division du travail social et du Suicide.',
  },
  {
    slug: 'julien-marcadet',
    name: 'Julien Marcadet',
    sortName: 'Marcadet, Julien',
    biography: "Julien Marcadet est professeur de science politique à l'université de Lille.",
  },
  {
    slug: 'amandine-roux',
    name: 'Amandine Roux',
    sortName: 'Roux, Amandine',
    biography: "Amandine Roux est maîtresse de conférences en science politique à l'université de Nantes.",
  },
  {
    slug: 'thomas-guillerm',
    name: 'Thomas Guillerm',
    sortName: 'Guillerm, Thomas',
    biography: 'Thomas Guillerm est chargé de recherche au CNRS, spécialiste des partis et du militantisme.',
  },
  {
    slug: 'nicolas-bastide',
    name: 'Nicolas Bastide',
    sortName: 'Bastide, Nicolas',
    biography: 'Nicolas Bastide est politiste, spécialiste des comportements électoraux.',
  },
  {
    slug: 'helene-combes-vidal',
    name: 'Hélène Combes-Vidal',
    sortName: 'Combes-Vidal, Hélène',
    biography: 'Hélène Combes-Vidal est professeure de science politique à Sciences Po Bordeaux.',
  },
  {
    slug: 'arnaud-peyrelade',
    name: 'Arnaud Peyrelade',
    sortName: 'Peyrelade, Arnaud',
    biography: "Arnaud Peyrelade est chercheur associé au Centre d'études européennes et de politique comparée.",
  },
  {
    slug: 'louis-aubertin',
    name: 'Louis Aubertin',
    sortName: 'Aubertin, Louis',
    biography: "Louis Aubertin est professeur de relations internationales à l'université Jean Moulin Lyon 3.",
  },
  {
    slug: 'bernadette-carlier',
    name: 'Bernadette Carlier',
    sortName: 'Carlier, Bernadette',
    biography: "Bernadette Carlier est historienne, maîtresse de conférences à l'université de Reims.",
  },
  {
    slug: 'eric-delmotte',
    name: 'Éric Delmotte',
    sortName: 'Delmotte, Éric',
    biography: "Éric Delmotte est sociologue, professeur à l'université de Strasbourg.",
  },
  {
    slug: 'mathilde-barral',
    name: 'Mathilde Barral',
    sortName: 'Barral, Mathilde',
    biography: 'Mathilde Barral est politiste, chercheuse au Centre de sociologie des organisations.',
  },
  {
    slug: 'karim-benaissa',
    name: 'Karim Benaïssa',
    sortName: 'Benaïssa, Karim',
    biography: 'Karim Benaïssa est sociologue et formateur en travail social.',
  },
  {
    slug: 'marion-tessier',
    name: 'Marion Tessier',
    sortName: 'Tessier, Marion',
    biography: 'Marion Tessier est docteure en science politique et consultante auprès des collectivités.',
  },
  { slug: 'sarah-whitfield', name: 'Sarah Whitfield', sortName: 'Whitfield, Sarah' },
  {
    slug: 'gilles-rambert',
    name: 'Gilles Rambert',
    sortName: 'Rambert, Gilles',
    biography: "Gilles Rambert est professeur de sciences économiques à l'université Paris 1 Panthéon-Sorbonne.",
  },
  {
    slug: 'jean-baptiste-ferrier',
    name: 'Jean-Baptiste Ferrier',
    sortName: 'Ferrier, Jean-Baptiste',
    biography: 'Jean-Baptiste Ferrier est économiste et enseigne en classes préparatoires.',
  },
  {
    slug: 'anne-claire-mazoyer',
    name: 'Anne-Claire Mazoyer',
    sortName: 'Mazoyer, Anne-Claire',
    biography: "Anne-Claire Mazoyer est économiste, maîtresse de conférences à l'université Lumière Lyon 2.",
  },
  {
    slug: 'laurent-brehier',
    name: 'Laurent Bréhier',
    sortName: 'Bréhier, Laurent',
    biography: "Laurent Bréhier est professeur d'économie à l'université d'Aix-Marseille.",
  },
  {
    slug: 'cecile-noirot',
    name: 'Cécile Noirot',
    sortName: 'Noirot, Cécile',
    biography: "Cécile Noirot est économiste à l'Institut national de la statistique et des études économiques.",
  },
  {
    slug: 'olivier-sarthou',
    name: 'Olivier Sarthou',
    sortName: 'Sarthou, Olivier',
    biography: 'Olivier Sarthou est économiste, ancien administrateur de la direction générale du Trésor.',
  },
  {
    slug: 'jeanne-vaillant-morel',
    name: 'Jeanne Vaillant-Morel',
    sortName: 'Vaillant-Morel, Jeanne',
    biography: "Jeanne Vaillant-Morel est historienne, professeure d'histoire moderne à l'université de Rouen.",
  },
  {
    slug: 'pierre-lavaud',
    name: 'Pierre Lavaud',
    sortName: 'Lavaud, Pierre',
    biography: "Pierre Lavaud est historien de l'État, directeur de recherche au CNRS.",
  },
  {
    slug: 'etienne-rochefort',
    name: 'Étienne Rochefort',
    sortName: 'Rochefort, Étienne',
    biography: 'Étienne Rochefort est historien du droit, spécialiste de la codification napoléonienne.',
  },
  {
    slug: 'francoise-delattre',
    name: 'Françoise Delattre',
    sortName: 'Delattre, Françoise',
    biography: "Françoise Delattre est historienne de l'administration préfectorale.",
  },
  {
    slug: 'sylvie-guillaumat',
    name: 'Sylvie Guillaumat',
    sortName: 'Guillaumat, Sylvie',
    biography: "Sylvie Guillaumat est professeure d'histoire contemporaine à l'université de Bourgogne.",
  },
  {
    slug: 'vincent-laborie',
    name: 'Vincent Laborie',
    sortName: 'Laborie, Vincent',
    biography: "Vincent Laborie est historien, directeur d'études à l'École des hautes études en sciences sociales.",
  },
  {
    slug: 'marianne-lhoste',
    name: 'Marianne Lhoste',
    sortName: 'Lhoste, Marianne',
    biography: 'Marianne Lhoste est agrégée de philosophie et enseigne en classes préparatoires littéraires.',
  },
  {
    slug: 'raphael-nerac',
    name: 'Raphaël Nérac',
    sortName: 'Nérac, Raphaël',
    biography: "Raphaël Nérac est philosophe, professeur à l'université de Poitiers.",
  },
  {
    slug: 'laure-chassaing',
    name: 'Laure Chassaing',
    sortName: 'Chassaing, Laure',
    biography: "Laure Chassaing est professeure de théorie du droit à l'université Paris-Nanterre.",
  },
  {
    slug: 'catherine-jourdan',
    name: 'Catherine Jourdan',
    sortName: 'Jourdan, Catherine',
    biography: 'Catherine Jourdan est sociologue, enseignante-chercheuse dans une école de travail social.',
  },
  {
    slug: 'benoit-lefranc',
    name: 'Benoît Lefranc',
    sortName: 'Lefranc, Benoît',
    biography: "Benoît Lefranc est maître de conférences en sociologie à l'université de Tours.",
  },
  {
    slug: 'yasmina-haddad',
    name: 'Yasmina Haddad',
    sortName: 'Haddad, Yasmina',
    biography: "Yasmina Haddad est sociologue, ingénieure de recherche à l'université Paris Cité.",
  },
  {
    slug: 'arnaud-chevrier',
    name: 'Arnaud Chevrier',
    sortName: 'Chevrier, Arnaud',
    biography: 'Arnaud Chevrier est sociologue des organisations et enseigne dans une école de management.',
  },
  {
    slug: 'jean-louis-pradier',
    name: 'Jean-Louis Pradier',
    sortName: 'Pradier, Jean-Louis',
    biography: "Jean-Louis Pradier est professeur émérite de sociologie à l'université de Nanterre.",
  },
  { slug: 'georges-vernier', name: 'Georges Vernier', sortName: 'Vernier, Georges' },
  { slug: 'roger-delbecque', name: 'Roger Delbecque', sortName: 'Delbecque, Roger' },
];
