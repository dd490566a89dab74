// `npm run start:cached`: the shop as `npm start` runs it, behind the production front cache:
// Varnish on PORT (3000), its purge socket on PORT + 1, the app on PORT + 2 (scripts/front-cache/,
// docs/decisions/014-front-cache.md and 034-stored-pages-with-hashed-policy.md).
// Needs Debian's varnish and varnish-modules. What it starts: scripts/lib/run-shop.ts.
import { runShop } from './lib/run-shop';

void runShop('start', { frontCache: true });
