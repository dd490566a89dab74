import { z } from 'zod';

// The conditions générales de vente as data: a few kinds of blocks, written once (lib/terms/*-terms.ts)
// and shown twice, by the page /conditions-generales-de-vente (components/legal/terms-document.tsx)
// and by the order's confirmation e-mail, which carries them whole (Code de la consommation, art.
// L221-13: the confirmation on a durable medium holds the information of art. L221-5; Code civil,
// art. 1127-1: the terms can be kept and reproduced). Pure.

/** A run of text, or a link: a path on the site ("/retractation"), a mailto: or a web address. */
export const InlineSchema = z.union([z.string(), z.object({ text: z.string(), href: z.string() })]);
export type Inline = z.infer<typeof InlineSchema>;

export const TermsBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), parts: z.array(InlineSchema) }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.string()) }),
  z.object({ type: z.literal('address'), lines: z.array(z.string()) }),
  z.object({
    type: z.literal('table'),
    caption: z.string(),
    head: z.tuple([z.string(), z.string()]),
    rows: z.array(z.tuple([z.string(), z.string()])),
  }),
  /** A framed text printed as it is: the model withdrawal form. */
  z.object({ type: z.literal('frame'), title: z.string(), lines: z.array(z.string()) }),
]);
export type TermsBlock = z.infer<typeof TermsBlockSchema>;

export const TermsSectionSchema = z.object({
  /** The anchor on the page: /conditions-generales-de-vente#retractation. */
  id: z.string(),
  heading: z.string(),
  /** Framed on the page (the legal-guarantee box of art. D211-2). */
  boxed: z.boolean().optional(),
  blocks: z.array(TermsBlockSchema),
});
export type TermsSection = z.infer<typeof TermsSectionSchema>;

export const TermsDocumentSchema = z.object({
  /** lib/terms/version.ts: the day these terms came into force. */
  version: z.string(),
  intro: z.array(TermsBlockSchema),
  sections: z.array(TermsSectionSchema),
});
export type TermsDocument = z.infer<typeof TermsDocumentSchema>;

export function paragraph(...parts: Inline[]): TermsBlock {
  return { type: 'paragraph', parts };
}

export function link(text: string, href: string): Inline {
  return { text, href };
}

/** A paragraph's words without its links' addresses, as a search or a test reads it. */
export function inlineText(parts: Inline[]): string {
  return parts.map((part) => (typeof part === 'string' ? part : part.text)).join('');
}
