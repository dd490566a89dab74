import { listSitemapPaths, readSitemapMaxIds } from '@/lib/data/storefront/sitemap';
import { getEnv } from '@/lib/env';
import { sitemapResponse } from '@/lib/http/sitemap-response';
import { isListedPart, parseSitemapPartName, urlSetXml } from '@/lib/seo/sitemap';

export const dynamic = 'force-dynamic';

/** One file of the sitemap index (/sitemap.xml): pages.xml, livres-0.xml… */
export function GET(_request: Request, context: RouteContext<'/plan-du-site/[part]'>): Promise<Response> {
  return sitemapResponse(async () => {
    const part = parseSitemapPartName((await context.params).part);
    if (!part || !isListedPart(part, await readSitemapMaxIds())) return null;
    const site = getEnv().SITE_URL;
    const paths = await listSitemapPaths(part);
    return urlSetXml(paths.map(({ path, lastModified }) => ({ loc: `${site}${path}`, lastModified })));
  });
}
