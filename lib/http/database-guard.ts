import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { isDatabaseBusy } from '@/lib/database/errors';
import { logger } from '@/lib/observability/logger';

/**
 * Wraps a page (or its generateMetadata): when the database is unreachable or overloaded, the
 * reader is sent to the French 503 page (/indisponible, which answers 503 + Retry-After) instead
 * of an error page that needs JavaScript to show and answers 500. The App Router cannot set a
 * page's status itself, hence the redirect to a route handler that can.
 */
export function whenDatabaseAnswers<Args extends unknown[], Rendered>(
  render: (...args: Args) => Promise<Rendered>,
): (...args: Args) => Promise<Rendered> {
  return async (...args) => {
    try {
      return await render(...args);
    } catch (error) {
      if (!isDatabaseBusy(error)) throw error;
      logger.error(
        { reason: error instanceof Error ? error.message.split('\n').at(-1) : String(error) },
        'page: database unavailable',
      );
      const from = (await headers()).get('x-pathname') ?? '/';
      redirect(`/indisponible?retour=${encodeURIComponent(from)}`);
    }
  };
}
