import 'server-only';
import { BUSY_MESSAGE, isDatabaseBusy, RETRY_AFTER_SECONDS } from '@/lib/database/errors';
import { problem } from './problem';

/**
 * A sitemap file as XML, read from the database at each request (one index range: crawlers ask
 * rarely; the front cache stores HTML only, docs/decisions/014-front-cache.md). A database that
 * does not answer gives a 503 with Retry-After, which crawlers retry (never a 500).
 */
export async function sitemapResponse(render: () => Promise<string | null>): Promise<Response> {
  try {
    const xml = await render();
    if (xml === null) return problem(404, 'NOT_FOUND', "Ce plan du site n'existe pas.");
    return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
  } catch (error) {
    if (!isDatabaseBusy(error)) throw error;
    return problem(503, 'DATABASE_UNAVAILABLE', BUSY_MESSAGE, RETRY_AFTER_SECONDS);
  }
}
