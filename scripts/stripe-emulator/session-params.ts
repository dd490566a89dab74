// The parameters of `POST /v1/checkout/sessions` and the checks Stripe makes on them beyond their
// shape: https://docs.stripe.com/api/checkout/sessions/create
import { parameterInvalid } from './errors';
import { param, type Infer } from './params';

const MIN_EXPIRY_SEC = 30 * 60;
const MAX_EXPIRY_SEC = 24 * 60 * 60;

// Values accepted by the API for `locale` (2023 spec enum).
const LOCALES = [
  'auto',
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'en-GB',
  'es',
  'es-419',
  'et',
  'fi',
  'fil',
  'fr',
  'fr-CA',
  'hr',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'lt',
  'lv',
  'ms',
  'mt',
  'nb',
  'nl',
  'pl',
  'pt',
  'pt-BR',
  'ro',
  'ru',
  'sk',
  'sl',
  'sv',
  'th',
  'tr',
  'vi',
  'zh',
  'zh-HK',
  'zh-TW',
] as const;

const EXPANDABLE = ['line_items', 'line_items.data.price.product'] as const;

// The subset of `POST /v1/checkout/sessions` the emulator implements. Anything else is
// `parameter_unknown`, including `payment_method_types`, removed from the 2026 API.
export const CreateSessionParams = param.object({
  mode: param.required(param.string({ oneOf: ['payment', 'setup', 'subscription'] })),
  ui_mode: param.string({ oneOf: ['hosted_page'] }),
  line_items: param.required(
    param.array(
      param.object({
        price: param.string({ maxLength: 5000 }),
        price_data: param.object({
          currency: param.required(param.string()),
          unit_amount: param.integer({ min: 0 }),
          product_data: param.object({
            name: param.required(param.string({ maxLength: 5000 })),
            description: param.string({ maxLength: 40000 }),
            images: param.array(param.string(), { maxItems: 8 }),
            metadata: param.map(),
            tax_code: param.string({ maxLength: 5000 }),
          }),
          tax_behavior: param.string({ oneOf: ['exclusive', 'inclusive', 'unspecified'] }),
        }),
        quantity: param.required(param.integer({ min: 1 })),
      }),
      { maxItems: 100 },
    ),
  ),
  customer_email: param.string({ maxLength: 800 }),
  client_reference_id: param.string({ maxLength: 200 }),
  locale: param.string({ oneOf: LOCALES }),
  metadata: param.map(),
  success_url: param.required(param.string({ maxLength: 5000 })),
  cancel_url: param.string({ maxLength: 5000 }),
  expires_at: param.integer(),
  payment_intent_data: param.object({
    metadata: param.map(),
    description: param.string({ maxLength: 1000 }),
    receipt_email: param.string(),
  }),
  expand: param.array(param.string({ maxLength: 5000 })),
});

export const ExpandOnlyParams = param.object({ expand: param.array(param.string({ maxLength: 5000 })) });

export type CreateSessionInput = Infer<typeof CreateSessionParams>;

function checkUrl(value: string, name: string): void {
  let url: URL;
  try {
    url = new URL(value.replace('{CHECKOUT_SESSION_ID}', 'cs_test_placeholder'));
  } catch (error) {
    throw parameterInvalid(
      name,
      `Not a valid URL (${error instanceof Error ? error.message : 'unparseable'})`,
      'url_invalid',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw parameterInvalid(name, 'Not a valid URL', 'url_invalid');
}

export function checkExpand(expand: string[] | undefined): string[] {
  for (const [index, path] of (expand ?? []).entries()) {
    if (!(EXPANDABLE as readonly string[]).includes(path)) {
      throw parameterInvalid(`expand[${index}]`, `This property cannot be expanded (${path}).`);
    }
  }
  return expand ?? [];
}

/** The mode, the URLs and the e-mail address, in the order Stripe reports them. */
export function checkCreateParams(params: CreateSessionInput): void {
  if (params.mode !== 'payment') {
    throw parameterInvalid('mode', `The Stripe emulator only implements mode=payment, got mode=${params.mode}.`);
  }
  checkUrl(params.success_url, 'success_url');
  if (params.cancel_url !== undefined) checkUrl(params.cancel_url, 'cancel_url');
  if (params.customer_email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(params.customer_email)) {
    throw parameterInvalid('customer_email', `Invalid email address: ${params.customer_email}`, 'email_invalid');
  }
}

/** When a session created at `createdSec` expires: `expires_at` if given and in range, else 24 hours later. */
export function expiresAtSecFor(requestedSec: number | undefined, createdSec: number): number {
  const expiresAtSec = requestedSec ?? createdSec + MAX_EXPIRY_SEC;
  // "The Epoch time in seconds at which the Checkout Session will expire. It can be anywhere
  // from 30 minutes to 24 hours after Checkout Session creation." (stripe@23 SessionCreateParams)
  if (expiresAtSec - createdSec < MIN_EXPIRY_SEC) {
    throw parameterInvalid(
      'expires_at',
      'The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.',
    );
  }
  if (expiresAtSec - createdSec > MAX_EXPIRY_SEC) {
    throw parameterInvalid(
      'expires_at',
      'The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.',
    );
  }
  return expiresAtSec;
}
