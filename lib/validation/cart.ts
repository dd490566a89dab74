import { z } from 'zod';
import { isValidEan13 } from '@/lib/isbn';
import { SHOP } from '@/lib/shop/config';

const QUANTITY_MESSAGE = `Indiquez un nombre entier d’exemplaires, entre 1 et ${SHOP.maxCopiesPerBook}.`;

const ean = z.string({ error: 'Livre inconnu.' }).trim().refine(isValidEan13, { error: 'Livre inconnu.' });

// Form fields arrive as strings: "2" is accepted, "2.5", "-1", "1e9" or "" are not.
const quantity = (min: number) =>
  z
    .string({ error: QUANTITY_MESSAGE })
    .trim()
    .regex(/^\d{1,3}$/, { error: QUANTITY_MESSAGE })
    .transform(Number)
    .pipe(
      z.number().int().min(min, { error: QUANTITY_MESSAGE }).max(SHOP.maxCopiesPerBook, { error: QUANTITY_MESSAGE }),
    );

export const AddToCartSchema = z.object({ ean, quantity: quantity(1).default(1) });
export const UpdateCartLineSchema = z.object({ ean, quantity: quantity(0) });

export type AddToCartInput = z.output<typeof AddToCartSchema>;
export type UpdateCartLineInput = z.output<typeof UpdateCartLineSchema>;
