import { postalAddress, type ShopIdentity } from '@/lib/shop/shop-identity';
import { mailLink } from './seller-terms';
import { link, paragraph, type TermsSection } from './terms-document';

/**
 * Complaints, then mediation: how and where to complain, how soon the shop answers, and the
 * consumer mediator (Code de la consommation, art. L612-1, L616-1 and R616-1).
 */
export function complaintsSection(shop: ShopIdentity): TermsSection {
  return {
    id: 'reclamations',
    heading: 'Réclamations et médiation',
    blocks: [
      paragraph(
        'Pour toute réclamation (un livre abîmé, une erreur de commande, un retard), écrivez-nous à ',
        mailLink(shop),
        ` ou à ${shop.legalName}, ${postalAddress(shop)}, ou appelez le ${shop.phone}, en indiquant le numéro de votre commande. Nous accusons réception de toute réclamation écrite sous deux jours ouvrables et y répondons au plus tard quinze jours après l’avoir reçue.`,
      ),
      paragraph(
        'En cas de litige, après une réclamation écrite restée sans réponse satisfaisante, vous pouvez recourir gratuitement au médiateur de la consommation dont relève la librairie (Code de la consommation, art. L612-1) : ',
        link(shop.mediatorName, shop.mediatorUrl),
        '.',
      ),
    ],
  };
}
