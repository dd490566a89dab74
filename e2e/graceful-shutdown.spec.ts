import { cookiesOf, formFields, postForm } from '../scripts/test/action-forms';
import type { AppInstance } from '../scripts/test/app-instance';
import { startSecondInstance } from './support/second-instance';
import { expect, SEED_BOOK, test } from './support/shop';

// A deployment stops an instance with SIGTERM: the request it is answering finishes, its readiness
// answers 503 at once (the load balancer drains it) while its liveness still answers 200, and it
// exits as soon as nothing is in flight. A second instance of the built shop, stopped by the test.

test.describe.configure({ timeout: 120_000 });

let instance: AppInstance | undefined;
test.afterEach(() => instance?.stop());

test('SIGTERM lets the request in flight finish, fails readiness meanwhile, then exits 0', async ({ db }) => {
  instance = await startSecondInstance({ SHUTDOWN_TIMEOUT_SECONDS: '20' });
  const { url } = instance;
  expect((await fetch(`${url}/api/ready`)).status).toBe(200);
  const fields = formFields(await (await fetch(`${url}/livre/${SEED_BOOK.ean}`)).text(), 'Ajouter au panier');
  const first = await postForm(`${url}/panier/ajouter`, fields, { forwardedFor: '10.201.0.1' });
  expect(first.status).toBe(303);
  const cookie = cookiesOf(first);
  const cartId = /panier=([0-9a-f-]{36})\./.exec(cookie)?.[1];
  expect(cartId).toBeDefined();

  // The next change of this cart waits on its row, held by the test: a request in flight.
  const locker = await db.connect();
  let inFlight: Promise<Response> | undefined;
  try {
    await locker.query('BEGIN');
    await locker.query(`SELECT 1 FROM "Cart" WHERE "id" = $1::uuid FOR UPDATE`, [cartId]);
    inFlight = postForm(`${url}/panier/ajouter`, fields, { cookie, forwardedFor: '10.201.0.1' });
    await expect
      .poll(async () => {
        const { rows } = await db.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = 'librairie'`,
        );
        return rows[0]?.waiting;
      })
      .toBeGreaterThan(0);

    instance.signal('SIGTERM');
    // The drain closes idle keep-alive connections: a probe sent on one the client still thought
    // open fails, and is sent again on a new one (as a load balancer's next probe would be).
    await expect.poll(async () => (await fetch(`${url}/api/ready`).catch(() => null))?.status).toBe(503);
    const ready = await fetch(`${url}/api/ready`);
    expect(await ready.json()).toEqual({ status: 'not_ready', reasons: ['draining'] });
    expect(ready.headers.get('connection')).toBe('close');
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
  } finally {
    await locker.query('ROLLBACK');
    locker.release();
  }

  // The lock released, the request in flight completes as if nothing happened.
  const answer = await inFlight;
  expect(answer?.status).toBe(303);
  expect(answer?.headers.get('location')).toMatch(/\/panier$/);
  expect(await instance.exited).toBe(0);
  expect(instance.output()).toMatch(/"msg":"shutting down: finishing the requests in flight"/);
  await expect(fetch(`${url}/api/health`)).rejects.toThrow();
});
