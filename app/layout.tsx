import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { getEnv } from '@/lib/env';
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

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="fr">
      <body>
        <a className="skip-link" href="#contenu">
          Aller au contenu
        </a>
        <SiteHeader />
        <main id="contenu" className="container">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
