import { postalAddress, type ShopIdentity } from '@/lib/shop/shop-identity';

// The standard withdrawal form, word for word: "Modèle de formulaire de rétractation", annexe à
// l'article R221-1 du Code de la consommation (https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000032808034).
// The seller fills in its own name, postal address and e-mail where the model says so; the
// confirmation of an order must carry it (art. L221-5 2° and L221-13). Pure.

export const WITHDRAWAL_FORM_TITLE = 'Formulaire de rétractation';

export function withdrawalFormLines(shop: ShopIdentity): string[] {
  return [
    '(Veuillez compléter et renvoyer le présent formulaire uniquement si vous souhaitez vous rétracter du contrat.)',
    `— À l’attention de ${shop.legalName}, ${postalAddress(shop)}, ${shop.email} :`,
    '— Je/nous (*) vous notifie/notifions (*) par la présente ma/notre (*) rétractation du contrat portant sur la vente du bien (*)/pour la prestation de services (*) ci-dessous :',
    '— Commandé le (*)/reçu le (*) :',
    '— Nom du (des) consommateur(s) :',
    '— Adresse du (des) consommateur(s) :',
    '— Signature du (des) consommateur(s) (uniquement en cas de notification du présent formulaire sur papier) :',
    '— Date :',
    '(*) Rayez la mention inutile.',
  ];
}
