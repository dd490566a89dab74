import { addToCartFromRequest } from '@/lib/cart/add-to-cart-request';

// POST /panier/ajouter: the "Ajouter au panier" form of every book (lib/cart/add-to-cart-request.ts).
export async function POST(request: Request): Promise<Response> {
  return addToCartFromRequest(request);
}
