// `npm start`: the whole shop on one command, built for production (rebuilt only when its
// sources changed) and served by `next start` on PORT (3000). What it starts: scripts/lib/run-shop.ts.
import { runShop } from './lib/run-shop';

void runShop('start');
