import mjml2html from 'mjml';
import { toMjml, toText } from './blocks';
import { emailSubjectOf, type EmailPayload } from './payload';
import type { ShopIdentity } from '@/lib/shop/shop-identity';
import { emailContent, footerLines, type EmailLinks } from './templates';

export type RenderedEmail = { subject: string; html: string; text: string };

/** An e-mail, HTML and plain text, from its payload, the shop's identity and this sending's links. */
export async function renderEmail(
  payload: EmailPayload,
  shop: ShopIdentity,
  links: EmailLinks,
): Promise<RenderedEmail> {
  const content = emailContent(payload, shop, links);
  const footer = footerLines(shop, emailSubjectOf(payload));
  const result = await mjml2html(
    toMjml({
      title: content.subject,
      preheader: content.preheader,
      shopName: shop.name,
      blocks: content.blocks,
      footer,
    }),
    { validationLevel: 'strict', keepComments: false },
  );
  return {
    subject: content.subject,
    html: result.html,
    text: toText({ shopName: shop.name, blocks: content.blocks, footer }),
  };
}
