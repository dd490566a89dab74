// One "app instance" for the concurrency tests: a separate Node process
// with its own connection pool that places orders for the given carts, all at once, and prints
// what each buyer was told. Run with --conditions=react-server (as Next.js runs lib/data).
import { placeOrder } from '../../lib/data/buying/checkout';
import { getDb } from '../../lib/db';
import { SAMPLE_CHECKOUT_FORM } from './fixtures/checkout-form';

const cartIds: string[] = JSON.parse(process.argv[2] ?? '[]');
const form = SAMPLE_CHECKOUT_FORM;

const started = performance.now();
const results = await Promise.all(
  cartIds.map(async (cartId) => {
    const result = await placeOrder(cartId, form, new Date(), `buyer-${cartId}`);
    return result.ok
      ? { ok: true as const, reference: result.order.reference }
      : { ok: false as const, code: result.code, message: result.message };
  }),
);
const elapsedMs = performance.now() - started;
await getDb().$disconnect();
process.stdout.write(JSON.stringify({ results, elapsedMs }));
