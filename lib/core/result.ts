// The one result shape for expected failures, across pricing, allocation, cart, checkout,
// payment events and Server Actions: a machine-readable code for programs and a French message
// for people. Unexpected failures throw.
export type Issue = { path: string; message: string };

export type Failure<Code extends string = string> = {
  ok: false;
  code: Code;
  message: string;
  /** First message per form field, for forms that show them beside each field. */
  fieldErrors?: Record<string, string>;
  /** Every problem found, when validation found several. */
  issues?: Issue[];
  /** For BUSY and RATE_LIMITED: seconds before trying again (the HTTP Retry-After). */
  retryAfterSeconds?: number;
};

export type Result<T extends object = object, Code extends string = string> = ({ ok: true } & T) | Failure<Code>;

export function failure<Code extends string>(
  code: Code,
  message: string,
  details: { fieldErrors?: Record<string, string>; issues?: Issue[]; retryAfterSeconds?: number } = {},
): Failure<Code> {
  return {
    ok: false,
    code,
    message,
    ...(details.fieldErrors && { fieldErrors: details.fieldErrors }),
    ...(details.issues && { issues: details.issues }),
    ...(details.retryAfterSeconds !== undefined && { retryAfterSeconds: details.retryAfterSeconds }),
  };
}
