// `npm run start:cached`: the shop as `npm start` runs it, behind the production front cache:
// nginx on PORT (3000), Varnish, then the app (scripts/front-cache/, docs/decisions/014-front-cache.md).
// Needs Debian's nginx, varnish and varnish-modules. What it starts: scripts/lib/run-shop.ts.
import { runShop } from './lib/run-shop';

void runShop('start', { frontCache: true });
