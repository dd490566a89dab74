// `npm start`: the whole shop on one command, built for production (rebuilt only when its
// sources changed) and served on PORT (3000) by scripts/serve.ts. What it starts: scripts/lib/run-shop.ts.
import { runShop } from './lib/run-shop';

void runShop('start');
