import type { ShopSettings } from '@/lib/shop/settings';
import { postalAddress } from '@/lib/shop/shop-identity';
import { link, paragraph, type TermsDocument, type TermsSection } from '@/lib/terms/terms-document';
import { RETENTION } from './retention';

// The privacy notice (/donnees-personnelles): what the shop collects, why, on which legal basis,
// who receives it, how long it is kept and what rights the person has (RGPD art. 12 to 15, 17,
// 20 and 21; art. 13 for the list), and the cookies (loi n° 78-17, art. 82: only cookies strictly
// needed for a service the person asked for, so no consent banner). The periods are those the
// purge enforces (retention.ts). Pure.

const purposes = (shop: ShopSettings): TermsSection => ({
  id: 'finalites',
  heading: 'Ce que nous collectons, pourquoi, et combien de temps',
  blocks: [
    {
      type: 'table',
      caption: 'Traitements, bases légales et durées de conservation',
      head: ['Traitement (base légale)', 'Données et durée de conservation'],
      rows: [
        [
          'Commande, livraison, service après-vente (exécution du contrat, RGPD art. 6.1.b)',
          `Nom, adresse e-mail, téléphone, adresse de livraison, livres commandés. Commande non payée : anonymisée ${RETENTION.unpaidOrderDays} jours après. Commande payée : e-mail et téléphone anonymisés ${RETENTION.paidOrderContactYears} ans après le paiement.`,
        ],
        [
          'Facture et comptabilité (obligation légale, art. 6.1.c ; Code de commerce, art. L123-22)',
          `Nom, adresse de facturation, montants : ${RETENTION.invoiceYears} ans après la clôture de l’exercice, puis effacés.`,
        ],
        [
          'Paiement (exécution du contrat)',
          'Traité par Stripe : la librairie ne voit jamais le numéro de votre carte.',
        ],
        [
          'Courriels de service : confirmation, expédition, suivi, rétractation (exécution du contrat)',
          `Le texte des courriels envoyés : ${RETENTION.emailBodyDays} jours.`,
        ],
        [
          'Commande d’un livre absent du catalogue (mesures précontractuelles, art. 6.1.b)',
          `Nom, e-mail, téléphone, livre demandé : ${RETENTION.bookRequestDays} jours après notre réponse.`,
        ],
        [
          'Alerte de disponibilité d’un livre (votre consentement, art. 6.1.a, retirable à tout moment : art. 7.3)',
          `Adresse e-mail et livre attendu : sans confirmation, effacés ${RETENTION.unconfirmedAlertDays} jours après la demande ; confirmée, l’alerte est gardée jusqu’à notre courriel annonçant le livre disponible (ou épuisé), puis effacée ${RETENTION.closedAlertDays} jours après. Le lien de chacun de ces courriels annule l’alerte et efface l’adresse aussitôt.`,
        ],
        [
          'Sécurité du site et de l’arrière-boutique (intérêt légitime, art. 6.1.f)',
          `Adresse IP, sous forme d’empreinte (hachée) pour limiter les abus ; en clair dans le journal des actions de l’équipe : ${RETENTION.auditIpDays} jours.`,
        ],
        [
          'Compte lecteur, facultatif : connexion sans mot de passe, historique des commandes, adresses enregistrées (exécution de votre demande, art. 6.1.b)',
          `Adresse e-mail, adresses de livraison enregistrées, date de la dernière connexion : jusqu’à ce que vous supprimiez le compte, ou ${RETENTION.readerInactiveYears} ans après votre dernière connexion (recommandation de la CNIL pour les données des clients, délibération n° 2021-131). Les liens et codes de connexion (valables 15 minutes) : effacés ${RETENTION.signInLinkDays} jour après leur expiration.`,
        ],
        [
          'Commandes sur compte d’une bibliothèque, d’une administration ou d’une entreprise cliente (intérêt légitime de l’organisation et de la librairie à identifier qui commande pour elle, art. 6.1.f)',
          'Votre adresse e-mail professionnelle, parmi les acheteurs de l’organisation, tant qu’elle vous désigne comme tel ; vos commandes pour elle sont gardées comme les factures.',
        ],
        [
          'Panier (exécution de votre demande)',
          `Les livres du panier, liés à un cookie : ${RETENTION.cartDays} jours après la dernière visite.`,
        ],
      ],
    },
    paragraph(
      'Pour commander, votre nom, votre adresse e-mail et, pour une livraison, votre adresse et votre téléphone sont nécessaires à la conclusion et à l’exécution du contrat (RGPD art. 13.2.e) : sans eux, nous ne pouvons pas prendre la commande. Les autres champs sont facultatifs.',
    ),
    paragraph(
      `Nous ne vendons ni ne louons vos données, et n’envoyons aucune publicité : ${shop.name} ne vous écrit qu’à propos de vos commandes, de vos demandes et de vos alertes.`,
    ),
  ],
});

const recipients: TermsSection = {
  id: 'destinataires',
  heading: 'Qui les reçoit',
  blocks: [
    {
      type: 'list',
      ordered: false,
      items: [
        'l’équipe de la librairie, chacun selon son rôle ;',
        'Stripe Payments Europe (Irlande), pour le paiement par carte ;',
        'notre prestataire d’envoi de courriels, pour les courriels de service ;',
        'notre hébergeur (voir les mentions légales), qui conserve le site et sa base de données ;',
        'le transporteur de votre colis (La Poste Colissimo, Mondial Relay ou Chronopost), pour une livraison à domicile : nom, adresse, téléphone.',
      ],
    },
    paragraph(
      'Stripe peut traiter des données aux États-Unis : ce transfert est encadré par la décision d’adéquation de la Commission européenne du 10 juillet 2023 (Data Privacy Framework) et par des clauses contractuelles types (RGPD art. 45 et 46).',
    ),
  ],
};

const rights = (shop: ShopSettings): TermsSection => ({
  id: 'droits',
  heading: 'Vos droits',
  blocks: [
    paragraph(
      'Vous pouvez accéder à vos données et en recevoir une copie dans un format lisible par une machine (RGPD art. 15 et 20), les faire rectifier (art. 16), les faire effacer quand la loi ne nous oblige pas à les garder (art. 17 : une facture reste 10 ans), en limiter le traitement (art. 18) et vous opposer à un traitement fondé sur notre intérêt légitime (art. 21).',
    ),
    paragraph(
      'Avec un compte lecteur, vous exercez vous-même ces droits à la page « Mes données » de votre compte : « Télécharger mes données » vous remet votre compte, vos adresses et le résumé de vos commandes dans un fichier JSON (art. 15 et 20) ; « Supprimer mon compte » efface aussitôt le compte, ses adresses et ses sessions, ainsi que l’adresse e-mail et le téléphone de vos commandes (art. 17). Les commandes payées restent, avec le nom et l’adresse de leur facture, 10 ans après la clôture de l’exercice (Code de commerce, art. L123-22 ; art. 17.3.b).',
    ),
    paragraph(
      `Écrivez-nous à ${shop.email} ou à ${shop.legalName}, ${postalAddress(shop)}, depuis l’adresse e-mail de vos commandes ou avec un justificatif. Nous répondons dans le mois (art. 12.3).`,
    ),
    paragraph(
      'Si vous estimez que vos droits ne sont pas respectés, vous pouvez saisir la CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07 (',
      link('www.cnil.fr/fr/plaintes', 'https://www.cnil.fr/fr/plaintes'),
      ').',
    ),
  ],
});

const cookies: TermsSection = {
  id: 'cookies',
  heading: 'Cookies',
  blocks: [
    paragraph(
      'Le site ne dépose que les cookies strictement nécessaires au service que vous demandez (loi n° 78-17 du 6 janvier 1978, art. 82) : ni mesure d’audience, ni publicité, ni réseau social. C’est pourquoi il ne vous demande pas de consentement.',
    ),
    {
      type: 'table',
      caption: 'Les cookies du site',
      head: ['Cookie', 'Rôle et durée'],
      rows: [
        ['panier', 'Retrouver votre panier : 30 jours.'],
        [
          'librairie-equipe',
          'La session de l’équipe dans l’arrière-boutique (jamais pour les lecteurs) : 12 heures au plus.',
        ],
        [
          'librairie-lecteur',
          'La session de votre compte lecteur, après une connexion : 30 jours au plus, 14 jours sans visite. « Se déconnecter » l’efface.',
        ],
        [
          'librairie-appareil',
          'Reconnaître l’appareil d’un membre de l’équipe, contre les tentatives de connexion répétées.',
        ],
      ],
    },
  ],
};

export function privacyNotice(shop: ShopSettings): TermsDocument {
  return {
    version: '',
    intro: [
      paragraph(
        `Le responsable du traitement de vos données est ${shop.legalName}, ${postalAddress(shop)}, joignable à ${shop.email} et au ${shop.phone}.`,
      ),
    ],
    sections: [purposes(shop), recipients, rights(shop), cookies],
  };
}
