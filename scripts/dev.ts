// `npm run dev`: the same shop as `npm start` (embedded PostgreSQL, migrations, demo catalog,
// Stripe emulator), served by `next dev`: no production build, pages reload as you edit them.
import { runShop } from './lib/run-shop';

void runShop('dev');
