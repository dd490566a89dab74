import { postalAddress } from '@/lib/email/shop-identity';
import type { ShopSettings } from '@/lib/shop/settings';

/**
 * Complaints, then mediation: how and where to complain, how soon the shop answers, and the
 * consumer mediator (Code de la consommation, art. L612-1, L616-1 and R616-1).
 */
export function TermsComplaints({ shop }: { shop: ShopSettings }) {
  return (
    <section aria-labelledby="reclamations">
      <h2 id="reclamations">Réclamations et médiation</h2>
      <p>
        Pour toute réclamation (un livre abîmé, une erreur de commande, un retard), écrivez-nous à{' '}
        <a href={`mailto:${shop.email}`}>{shop.email}</a> ou à {shop.legalName}, {postalAddress(shop)}, ou appelez le{' '}
        {shop.phone}, en indiquant le numéro de votre commande. Nous accusons réception de toute réclamation écrite sous
        deux jours ouvrables et y répondons au plus tard quinze jours après l’avoir reçue.
      </p>
      <p>
        En cas de litige, après une réclamation écrite restée sans réponse satisfaisante, vous pouvez recourir
        gratuitement au médiateur de la consommation dont relève la librairie (Code de la consommation, art. L612-1) :{' '}
        <a href={shop.mediatorUrl}>{shop.mediatorName}</a>.
      </p>
    </section>
  );
}
