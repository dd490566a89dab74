// Stripe's error envelope: https://docs.stripe.com/api/errors
// `{ error: { type, code?, message, param? } }` with a 4xx status.
export type StripeErrorType = 'invalid_request_error' | 'idempotency_error' | 'card_error' | 'api_error';

export type StripeErrorBody = {
  error: {
    type: StripeErrorType;
    code?: string;
    message: string;
    param?: string;
    doc_url?: string;
    decline_code?: string;
  };
};

export class StripeApiError extends Error {
  readonly status: number;
  readonly type: StripeErrorType;
  readonly code: string | undefined;
  readonly param: string | undefined;
  /** Failed before the endpoint ran: Stripe saves no idempotent result for these. */
  readonly beforeExecution: boolean;

  constructor(
    status: number,
    type: StripeErrorType,
    message: string,
    extra: { code?: string; param?: string; beforeExecution?: boolean } = {},
  ) {
    super(message);
    this.name = 'StripeApiError';
    this.status = status;
    this.type = type;
    this.code = extra.code;
    this.param = extra.param;
    this.beforeExecution = extra.beforeExecution ?? false;
  }

  toBody(): StripeErrorBody {
    return {
      error: {
        type: this.type,
        message: this.message,
        ...(this.code
          ? { code: this.code, doc_url: `https://docs.stripe.com/error-codes/${this.code.replaceAll('_', '-')}` }
          : {}),
        ...(this.param ? { param: this.param } : {}),
      },
    };
  }
}

export function parameterMissing(param: string): StripeApiError {
  return new StripeApiError(400, 'invalid_request_error', `Missing required param: ${param}.`, {
    code: 'parameter_missing',
    param,
    beforeExecution: true,
  });
}

export function parameterUnknown(param: string): StripeApiError {
  return new StripeApiError(400, 'invalid_request_error', `Received unknown parameter: ${param}`, {
    code: 'parameter_unknown',
    param,
    beforeExecution: true,
  });
}

export function parameterInvalid(param: string, message: string, code?: string): StripeApiError {
  return new StripeApiError(400, 'invalid_request_error', message, { code, param, beforeExecution: true });
}

export function resourceMissing(kind: string, id: string, param?: string): StripeApiError {
  return new StripeApiError(404, 'invalid_request_error', `No such ${kind}: '${id}'`, {
    code: 'resource_missing',
    param,
  });
}

export function invalidRequest(message: string, extra: { code?: string; param?: string } = {}): StripeApiError {
  return new StripeApiError(400, 'invalid_request_error', message, extra);
}
