import { LEGAL_GUARANTEE_BOX } from '@/lib/terms/legal-guarantee';
import { postalAddress } from '@/lib/email/shop-identity';
import type { ShopSettings } from '@/lib/shop/settings';

/** The framed box on the legal guarantees (Code de la consommation, art. D211-2), and whom to ask (art. D211-1). */
export function LegalGuaranteeBox({ shop }: { shop: ShopSettings }) {
  const box = LEGAL_GUARANTEE_BOX;
  return (
    <section aria-labelledby="garanties" className="legal-box">
      <h2 id="garanties">{box.title}</h2>
      {box.paragraphs.map((text) => (
        <p key={text}>{text}</p>
      ))}
      <ul className="plain-list">
        {box.cases.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
      {box.closing.map((text) => (
        <p key={text}>{text}</p>
      ))}
      <p>
        Le professionnel qui répond de ces garanties est {shop.legalName}, {postalAddress(shop)} ; écrivez-nous à{' '}
        <a href={`mailto:${shop.email}`}>{shop.email}</a> ou appelez le {shop.phone}.
      </p>
    </section>
  );
}
