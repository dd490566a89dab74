import Link from 'next/link';

/**
 * The header's way to the cart, with the copies it holds: "Panier (2)" on screen, read
 * "Panier, 2 articles" (the label starts with the visible word, WCAG 2.5.3). Rendered on the
 * server from the cart cookie (app/layout.tsx), so it is right without JavaScript; the cart
 * actions revalidate the layout after each change.
 */
export function CartLink({ count }: { count: number | null }) {
  // null: unknown (the database did not answer), shown as an empty cart's link.
  const copies = count ?? 0;
  // French: "1 article", "2 articles".
  const label = copies > 0 ? `Panier, ${copies} article${copies > 1 ? 's' : ''}` : undefined;
  return (
    <Link href="/panier" className="cart-link" aria-label={label}>
      Panier{copies > 0 && ` (${copies})`}
    </Link>
  );
}
