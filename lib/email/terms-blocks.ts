import type { Inline, TermsBlock, TermsDocument } from '@/lib/terms/terms-document';
import { termsVersionLabel } from '@/lib/terms/version';
import type { Block } from './blocks';

// The terms an order was concluded under, as the last part of its confirmation: the durable
// medium of Code de la consommation, art. L221-13, carries them whole (C. civ. art. 1127-1:
// they can be kept and reproduced). A link becomes its words and its address. Pure.

function inlineText(parts: Inline[], siteUrl: string): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return part;
      if (part.href.startsWith('mailto:')) return part.text;
      const url = part.href.startsWith('/') ? `${siteUrl}${part.href}` : part.href;
      return `${part.text} (${url})`;
    })
    .join('');
}

function emailBlock(block: TermsBlock, siteUrl: string): Block {
  switch (block.type) {
    case 'paragraph':
      return { type: 'paragraph', text: inlineText(block.parts, siteUrl) };
    case 'list':
      return {
        type: 'list',
        items: block.ordered ? block.items.map((item, index) => `${index + 1}. ${item}`) : block.items,
      };
    case 'address':
      return { type: 'paragraph', text: block.lines.join(', ') };
    case 'table':
      return {
        type: 'table',
        caption: `${block.caption} (${block.head[0].toLowerCase()} : ${block.head[1].toLowerCase()})`,
        rows: block.rows.map(([range, fee]) => ({ label: range, amount: fee })),
      };
    case 'frame':
      return { type: 'frame', title: block.title, lines: block.lines };
  }
}

export function termsBlocks(terms: TermsDocument, siteUrl: string): Block[] {
  return [
    { type: 'heading', text: `Conditions générales de vente (${termsVersionLabel(terms.version)})` },
    {
      type: 'small',
      text: `Les conditions que vous avez acceptées en commandant, telles qu’en vigueur ce jour-là ; elles sont aussi en ligne : ${siteUrl}/conditions-generales-de-vente`,
    },
    ...terms.intro.map((block) => emailBlock(block, siteUrl)),
    ...terms.sections.flatMap((section) => [
      { type: 'subheading', text: section.heading } satisfies Block,
      ...section.blocks.map((block) => emailBlock(block, siteUrl)),
    ]),
  ];
}
