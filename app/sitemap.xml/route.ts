import { readSitemapMaxIds } from '@/lib/data/storefront/sitemap';
import { getEnv } from '@/lib/env';
import { sitemapResponse } from '@/lib/http/sitemap-response';
import { SITEMAP_PART_PREFIX, sitemapIndexXml, sitemapPartName, sitemapParts } from '@/lib/seo/sitemap';

export const dynamic = 'force-dynamic';

/** The sitemap index: one file per 50,000 ids of each table (lib/seo/sitemap.ts). */
export function GET(): Promise<Response> {
  return sitemapResponse(async () => {
    const site = getEnv().SITE_URL;
    const parts = sitemapParts(await readSitemapMaxIds());
    return sitemapIndexXml(parts.map((part) => ({ loc: `${site}${SITEMAP_PART_PREFIX}${sitemapPartName(part)}` })));
  });
}
