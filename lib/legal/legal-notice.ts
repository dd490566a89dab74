import { formatPrice } from '@/lib/core/money';
import type { ShopSettings } from '@/lib/shop/settings';
import { postalAddress } from '@/lib/shop/shop-identity';
import { link, paragraph, type TermsDocument } from '@/lib/terms/terms-document';

// The mentions légales (/mentions-legales): who publishes the site and who hosts it, as the law
// asks every professional publisher (loi n° 2004-575 du 21 juin 2004, art. 1-1, the former
// art. 6, III, renumbered by loi n° 2024-449), the registration as the Code de commerce writes it
// (art. R123-237: the SIREN, "RCS" and the registry's city), the VAT number (CGI art. 286 ter) and
// the mediator (Code de la consommation, art. L616-1). Pure: the facts are the shop's settings.

/** "à renseigner" rather than a blank: an admin sees at once what the page still lacks. */
const orMissing = (value: string | null) => (value && value.trim() ? value : 'à renseigner dans les réglages');

export function siren(siret: string): string {
  return siret.slice(0, 9).replace(/(\d{3})(\d{3})(\d{3})/, '$1 $2 $3');
}

/** "RCS Paris 812 345 676", or the SIREN alone for an enterprise not registered at the RCS (R123-237). */
export function registration(shop: Pick<ShopSettings, 'siret' | 'rcsCity'>): string {
  return shop.rcsCity ? `RCS ${shop.rcsCity} ${siren(shop.siret)}` : `SIREN ${siren(shop.siret)}`;
}

export function legalNotice(shop: ShopSettings, siteUrl: string): TermsDocument {
  return {
    version: '',
    intro: [paragraph(`Le site ${siteUrl} est la librairie en ligne de ${shop.name}.`)],
    sections: [
      {
        id: 'editeur',
        heading: 'Éditeur du site',
        blocks: [
          {
            type: 'list',
            ordered: false,
            items: [
              `Dénomination : ${shop.legalName}`,
              `Forme juridique : ${orMissing(shop.legalForm)}`,
              ...(shop.shareCapitalCents === null ? [] : [`Capital social : ${formatPrice(shop.shareCapitalCents)}`]),
              `Siège social : ${postalAddress(shop)}`,
              `Immatriculation : ${registration(shop)} (SIRET ${shop.siret})`,
              `TVA intracommunautaire : ${shop.vatNumber}`,
              `Téléphone : ${shop.phone}`,
              `Courriel : ${shop.email}`,
              `Directeur ou directrice de la publication : ${orMissing(shop.publicationDirector)}`,
            ],
          },
        ],
      },
      {
        id: 'hebergeur',
        heading: 'Hébergeur',
        blocks: [
          {
            type: 'list',
            ordered: false,
            items: [
              `Nom : ${orMissing(shop.hostName)}`,
              `Adresse : ${orMissing(shop.hostAddress)}`,
              `Téléphone : ${orMissing(shop.hostPhone)}`,
            ],
          },
        ],
      },
      {
        id: 'mediation',
        heading: 'Médiation de la consommation',
        blocks: [
          paragraph(
            'En cas de litige, après une réclamation écrite restée sans réponse satisfaisante, vous pouvez recourir gratuitement au médiateur de la consommation dont relève la librairie (Code de la consommation, art. L612-1 et L616-1) : ',
            link(shop.mediatorName, shop.mediatorUrl),
            '.',
          ),
        ],
      },
      {
        id: 'autres-informations',
        heading: 'Autres informations',
        blocks: [
          paragraph(
            'Les conditions de vente, le traitement de vos données personnelles et l’accessibilité du site sont décrits sur leurs pages : ',
            link('conditions générales de vente', '/conditions-generales-de-vente'),
            ', ',
            link('données personnelles', '/donnees-personnelles'),
            ', ',
            link('accessibilité', '/accessibilite'),
            '.',
          ),
        ],
      },
    ],
  };
}
