import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { readCartId } from '@/lib/cart/cart-cookie';
import { countCartCopies } from '@/lib/data/cart';
import { getEnv } from '@/lib/env';
import { whenDatabaseAnswers } from '@/lib/http/database-guard';
import { SHOP } from '@/lib/shop/config';
import './globals.css';

// Stock and prices change: every page is rendered per request from the database.
export const dynamic = 'force-dynamic';

export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(getEnv().SITE_URL),
    title: { default: `${SHOP.name} — ${SHOP.tagline}`, template: `%s — ${SHOP.name}` },
    description: `${SHOP.name}, librairie juridique et universitaire : ${SHOP.tagline.toLowerCase()}.`,
  };
}

// The header's cart count reads the database on every page: the layout is guarded like the
// pages, so a database that stops answering gives the French 503 page, not a blank one or a 500.
async function RootLayout({ children }: { children: ReactNode }) {
  const cartCount = await countCartCopies(await readCartId());
  return (
    <html lang="fr">
      <body>
        <a className="skip-link" href="#contenu">
          Aller au contenu
        </a>
        <SiteHeader cartCount={cartCount} />
        <main id="contenu" className="container">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}

export default whenDatabaseAnswers(RootLayout);
