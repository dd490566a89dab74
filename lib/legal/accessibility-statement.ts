import type { ShopSettings } from '@/lib/shop/settings';
import { postalAddress } from '@/lib/shop/shop-identity';
import { link, paragraph, type TermsDocument } from '@/lib/terms/terms-document';

// The accessibility statement (/accessibilite). Online shops must meet the accessibility
// requirements of the European Accessibility Act since 28 June 2025 (directive (UE) 2019/882,
// transposed by ordonnance n° 2023-859 and décret n° 2023-931; Code de la consommation,
// art. L412-13), micro-enterprises providing services excepted. The state is told honestly: the
// project's checks are automated (axe-core, WCAG 2.1 A and AA) and keyboard tests, not an RGAA
// audit, so the site is "non audité". Pure.

/** The day this statement was written; a new audit or a new fix changes it. */
export const ACCESSIBILITY_STATEMENT_DATE = '7 décembre 2026';

export function accessibilityStatement(shop: ShopSettings): TermsDocument {
  return {
    version: '',
    intro: [
      paragraph(
        `${shop.legalName} s’engage à rendre son site accessible à toutes et à tous. Cette déclaration, établie le ${ACCESSIBILITY_STATEMENT_DATE}, s’applique au site de ${shop.name}.`,
      ),
    ],
    sections: [
      {
        id: 'etat',
        heading: 'État de conformité',
        blocks: [
          paragraph(
            'Le site n’a pas encore fait l’objet d’un audit de conformité au référentiel général d’amélioration de l’accessibilité (RGAA) : il est non audité. Nous ne prétendons donc à aucun taux de conformité.',
          ),
          paragraph('Ce que nous vérifions à chaque nouvelle version du site :'),
          {
            type: 'list',
            ordered: false,
            items: [
              'chaque page du site et de l’arrière-boutique passe les contrôles automatiques d’axe-core (critères WCAG 2.1 niveaux A et AA), formulaires en erreur compris ;',
              'l’achat d’un livre, le suivi d’une commande, la rétractation et les principales tâches de l’équipe se font au clavier seul ;',
              'chaque champ de formulaire a son étiquette, ses erreurs sont annoncées et reliées au champ ;',
              'un lien d’évitement mène au contenu ; la page reste lisible sur un téléphone et zoomée à 200 %.',
            ],
          },
        ],
      },
      {
        id: 'limites',
        heading: 'Limites connues',
        blocks: [
          {
            type: 'list',
            ordered: false,
            items: [
              'les contrôles automatiques ne détectent qu’une partie des défauts : la pertinence des textes de remplacement des couvertures et l’usage avec un lecteur d’écran (NVDA, VoiceOver) n’ont pas été vérifiés par une personne ;',
              'les graphiques du tableau de bord de l’arrière-boutique ont leur équivalent en tableau, mais leurs couleurs n’ont pas été vérifiées pour tous les daltonismes ;',
              'la facture à imprimer est une page web : elle n’existe pas en PDF balisé.',
            ],
          },
        ],
      },
      {
        id: 'exemption',
        heading: 'Obligation légale',
        blocks: [
          paragraph(
            shop.microEnterprise
              ? 'La librairie est une micro-entreprise (moins de 10 personnes et au plus 2 millions d’euros de chiffre d’affaires ou de bilan) : elle est exemptée des exigences d’accessibilité des services de commerce électronique (décret n° 2023-931 du 9 octobre 2023). Elle publie cette déclaration et corrige les défauts qu’on lui signale.'
              : 'Comme tout service de commerce électronique, le site doit respecter les exigences d’accessibilité en vigueur depuis le 28 juin 2025 (directive (UE) 2019/882 ; ordonnance n° 2023-859 du 6 septembre 2023 ; décret n° 2023-931 du 9 octobre 2023).',
          ),
        ],
      },
      {
        id: 'signaler',
        heading: 'Signaler un défaut, obtenir une alternative',
        blocks: [
          paragraph(
            `Si vous ne pouvez pas accéder à un contenu ou à un service, écrivez-nous à ${shop.email}, appelez le ${shop.phone} ou écrivez à ${shop.legalName}, ${postalAddress(shop)} : nous vous proposons une alternative (une commande par téléphone, par exemple) et corrigeons le défaut.`,
          ),
          paragraph(
            'Sans réponse satisfaisante, vous pouvez saisir le Défenseur des droits (',
            link('formulaire en ligne', 'https://formulaire.defenseurdesdroits.fr/'),
            ', ou Défenseur des droits, Libre réponse 71120, 75342 Paris Cedex 07), et signaler le manquement à la DGCCRF, chargée du contrôle de l’accessibilité des services de commerce électronique (',
            link('SignalConso', 'https://signal.conso.gouv.fr/'),
            ').',
          ),
        ],
      },
    ],
  };
}
