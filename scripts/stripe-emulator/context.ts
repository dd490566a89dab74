import type { Store } from './store';
import type { WebhookDispatcher } from './webhooks';

/** What every handler needs: state, the event outbox and where the emulator is reachable. */
export type EmulatorContext = {
  store: Store;
  webhooks: WebhookDispatcher;
  publicBaseUrl: string;
  log: (message: string) => void;
};

export type RequestInfo = { id: string; idempotencyKey: string | null };
