import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { readCartId } from '@/lib/cart/cart-cookie';
import { countCartCopiesForFrame } from '@/lib/data/buying/cart';
import { getEnv } from '@/lib/env';
import { getShopSettingsForFrame } from '@/lib/data/staff/shop-settings';
import { SETTINGS_TAG, tagResponse } from '@/lib/front-cache/response-tags';
import './globals.css';

// Stock and prices change: every page is rendered per request from the database.
export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const shop = await getShopSettingsForFrame();
  return {
    metadataBase: new URL(getEnv().SITE_URL),
    title: { default: `${shop.name} — ${shop.tagline}`, template: `%s — ${shop.name}` },
    description: `${shop.name}, librairie juridique et universitaire : ${shop.tagline.toLowerCase()}.`,
  };
}

// The frame (header, footer, title) still renders when the database does not answer: the settings
// fall back to their defaults and the cart count is left out; the page itself, if it reads the
// database, sends the reader to the 503 page (lib/http/database-guard.ts).
export default async function RootLayout({ children }: { children: ReactNode }) {
  const [shop, cartCount] = await Promise.all([getShopSettingsForFrame(), countCartCopiesForFrame(await readCartId())]);
  // The header's cart count is per reader: readers with a cart never get a stored page (scripts/front-cache/default.vcl).
  tagResponse(SETTINGS_TAG);
  return (
    <html lang="fr">
      <body>
        <a className="skip-link" href="#contenu">
          Aller au contenu
        </a>
        <SiteHeader shopName={shop.name} tagline={shop.tagline} cartCount={cartCount} />
        <main id="contenu" className="container">
          {children}
        </main>
        <SiteFooter shopName={shop.name} />
      </body>
    </html>
  );
}
