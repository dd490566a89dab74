// The model page of the shop: "La coopération dans l'action publique" (L'Harmattan, 2006).
// Exact data of the seed page; the back-cover text keeps the author's wording with the
// obvious typos fixed ("q'uelle", "Ala suite", "être ne commun"). The source page gives no
// price: 29,00 € is a plausible publisher's price for a 328-page L'Harmattan essay.
import type { DemoBook, DemoContributor } from './types';

export const SEED_BOOK_EAN = '9782296013681';

export const SEED_AUTHOR: DemoContributor = {
  slug: 'fabrice-dhume-sonzogni',
  name: 'Fabrice Dhume-Sonzogni',
  sortName: 'Dhume-Sonzogni, Fabrice',
  biography:
    "Fabrice Dhume est chercheur-coopérant à l'ISCRA (Institut social et coopératif de recherche appliquée). " +
    'Il a notamment publié : Du travail social au travail ensemble. Le partenariat dans le champ des politiques ' +
    "sociales (éd. ASH, 2001), et RMI et psychiatrie deux continents à la dérive ? (éd. L'Harmattan, 1997).",
};

export const SEED_BOOK: DemoBook = {
  ean: SEED_BOOK_EAN,
  title: "La coopération dans l'action publique",
  description: [
    "L'évolution du travail fait désormais appel à la coopération entre professionnels, à la créativité des " +
      "travailleurs, à leur implication. À la suite de l'entreprise, les pouvoirs publics n'ont de cesse " +
      "d'exiger du « partenariat » ou du « réseau », pour « retisser le lien social » et dépasser les " +
      '« cloisonnements » institutionnels et sectoriels.',
    "Cela ne va pourtant pas de soi. Force est de constater que l'injonction sied mal à la coopération. " +
      "L'injonction tend à vider de sa substance ce qu'elle appelle de ses voeux. Et cela, malgré le fait " +
      "qu'elle fasse écho à une exigence et un désir d'être en commun et de renouvellement de la politique.",
    "Quelque chose résiste donc. Avec une sorte d'obstination, le désir de coopération excède l'injonction : " +
      'il signifie un désir de puissance et de transformation du monde social. La coopération est en effet ' +
      "aussi le rêve d'un autre monde possible. Le processus de coopération s'inscrit donc dans une tension " +
      "qui en rend l'issue largement incertaine et le résultat toujours fragile.",
    "Comment s'organisent ces logiques contradictoires ? Comment les sujets de ces situations mettent au " +
      "travail leur désir de démocratie et font valoir d'autres formes de production ? Y arrivent-ils " +
      "seulement ? Cette étude-essai tente de répondre à ces questions, en s'appuyant sur plusieurs " +
      'expériences très différentes : une fédération de Centres sociaux, un réseau santé-social, un projet ' +
      'de partenariat sur un quartier de la politique de la ville.',
  ].join('\n\n'),
  pageCount: 328,
  publishedOn: '2006-09-15',
  productForm: 'BC',
  workType: 'Documents',
  languageCode: 'fre',
  publisherPriceCents: 2900,
  featured: true,
  publisherSlug: 'l-harmattan',
  collectionSlug: 'administration-et-amenagement-du-territoire',
  themePath: 'droit/droit-administratif/action-de-l-administration/ouvrages-generaux',
  contributors: [{ slug: SEED_AUTHOR.slug, role: 'A01' }],
  supplierName: "L'Harmattan Diffusion",
  supplierAvailabilityCode: '20',
  onHand: 0,
};
