import Link from 'next/link';

/**
 * The header's way to the cart, with the copies it holds: "Panier (2)" on screen, read
 * "Panier, 2 articles". Rendered on the server from the cart cookie (app/layout.tsx), so it is
 * right without JavaScript; the cart actions revalidate the layout after each change.
 */
export function CartLink({ count }: { count: number }) {
  return (
    <Link href="/panier" className="cart-link">
      Panier
      {count > 0 && (
        <>
          <span aria-hidden="true"> ({count})</span>
          {/* French: "0 article", "1 article", "2 articles". */}
          <span className="visually-hidden">
            , {count} article{count > 1 ? 's' : ''}
          </span>
        </>
      )}
    </Link>
  );
}
