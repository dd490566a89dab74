import { describe, expect, it } from 'vitest';
import type { EmulatorContext } from './context';
import { parseFormBody } from './form-body';
import { createSession, expireIfDue, requireSession } from './sessions';
import { Store } from './store';
import { WebhookDispatcher } from './webhooks';

function context(): EmulatorContext {
  const log = () => {};
  const webhooks = new WebhookDispatcher({
    url: null,
    secret: 'whsec_x',
    retryBaseDelayMs: 1,
    maxDeliveryAttempts: 1,
    log,
  });
  return { store: new Store(), webhooks, publicBaseUrl: 'http://127.0.0.1:1', log };
}

const BODY =
  'mode=payment&success_url=http%3A%2F%2Flocalhost%3A3000%2Fok&line_items[0][quantity]=2&line_items[0][price_data][currency]=eur' +
  '&line_items[0][price_data][unit_amount]=1450&line_items[0][price_data][product_data][name]=Livre';

describe('session expiry by time', () => {
  it('expires at expires_at (not before) and emits checkout.session.expired once', () => {
    const ctx = context();
    const wire = createSession(ctx, parseFormBody(BODY), { id: 'req_1', idempotencyKey: null });
    expect(wire).toMatchObject({ amount_total: 2900, status: 'open' });
    const session = requireSession(ctx, String(wire.id));
    expect(session.expiresAtSec - session.createdSec).toBe(24 * 3600);

    expireIfDue(ctx, session, session.expiresAtSec - 1);
    expect(session.status).toBe('open');
    expireIfDue(ctx, session, session.expiresAtSec);
    expireIfDue(ctx, session, session.expiresAtSec + 5);
    expect(session.status).toBe('expired');
    expect(ctx.webhooks.list().map((record) => [record.event.type, record.event.data.object.status])).toEqual([
      ['checkout.session.expired', 'expired'],
    ]);
  });

  it('refuses a total under the 0,50 € minimum', () => {
    const body = BODY.replace('unit_amount]=1450', 'unit_amount]=20');
    expect(() => createSession(context(), parseFormBody(body), { id: 'req_1', idempotencyKey: null })).toThrow(
      expect.objectContaining({ code: 'amount_too_small', status: 400 }),
    );
  });
});
