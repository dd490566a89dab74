// In-memory state of the emulator. Nothing survives a restart: the shop must treat
// an unknown session id as "retry checkout", which is what it must do with real Stripe too.
export type LineItemRecord = {
  id: string;
  priceId: string;
  productId: string;
  name: string;
  description: string | null;
  images: string[];
  productMetadata: Record<string, string>;
  currency: string;
  unitAmount: number;
  quantity: number;
};

export type CustomerDetailsRecord = { email: string | null; name: string | null };

export type SessionRecord = {
  id: string;
  createdSec: number;
  expiresAtSec: number;
  status: 'open' | 'complete' | 'expired';
  paymentStatus: 'unpaid' | 'paid';
  currency: string;
  lineItems: LineItemRecord[];
  amountSubtotal: number;
  amountTotal: number;
  customerEmail: string | null;
  clientReferenceId: string | null;
  locale: string | null;
  metadata: Record<string, string>;
  successUrl: string;
  cancelUrl: string | null;
  paymentIntentId: string | null;
  paymentIntentData: { metadata: Record<string, string>; description: string | null; receiptEmail: string | null };
  customerDetails: CustomerDetailsRecord | null;
};

export type PaymentIntentRecord = {
  id: string;
  sessionId: string;
  createdSec: number;
  amount: number;
  currency: string;
  status: 'processing' | 'succeeded' | 'requires_payment_method';
  chargeId: string | null;
  amountRefunded: number;
  metadata: Record<string, string>;
  description: string | null;
  receiptEmail: string | null;
};

export type RefundRecord = {
  id: string;
  createdSec: number;
  amount: number;
  currency: string;
  chargeId: string;
  paymentIntentId: string;
  reason: 'duplicate' | 'fraudulent' | 'requested_by_customer' | null;
  metadata: Record<string, string>;
};

export type IdempotentResult = { fingerprint: string; status: number; body: string; createdMs: number };

export class Store {
  readonly sessions = new Map<string, SessionRecord>();
  readonly paymentIntents = new Map<string, PaymentIntentRecord>();
  readonly refunds = new Map<string, RefundRecord>();
  readonly idempotency = new Map<string, IdempotentResult>();

  paymentIntentByCharge(chargeId: string): PaymentIntentRecord | undefined {
    for (const intent of this.paymentIntents.values()) if (intent.chargeId === chargeId) return intent;
    return undefined;
  }

  clear(): void {
    this.sessions.clear();
    this.paymentIntents.clear();
    this.refunds.clear();
    this.idempotency.clear();
  }
}
