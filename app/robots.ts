import type { MetadataRoute } from 'next';
import { getEnv } from '@/lib/env';

export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  const site = getEnv().SITE_URL;
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/recherche', '/api/'] },
    sitemap: `${site}/sitemap.xml`,
  };
}
