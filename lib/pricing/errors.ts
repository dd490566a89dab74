// Expected pricing failures are values, not exceptions: a machine code for the caller,
// a French message for the customer or the staff member.
import type { $ZodIssue } from 'zod/v4/core';
import { failure, type Failure, type Result } from '@/lib/core/result';

export const PRICING_ERROR_CODES = [
  'INVALID_INPUT',
  'EMPTY_ORDER',
  'INVALID_QUANTITY',
  'INVALID_DISCOUNT',
  'UNSUPPORTED_VAT_RATE',
  'MISSING_PRICE',
  'PRICE_NOT_ALLOWED',
  'DISCOUNT_ABOVE_LEGAL_LIMIT',
] as const;

export type PricingErrorCode = (typeof PRICING_ERROR_CODES)[number];

function isPricingErrorCode(value: unknown): value is PricingErrorCode {
  return PRICING_ERROR_CODES.some((code) => code === value);
}

/** The shop-wide failure shape, with pricing's own codes. */
export type PricingFailure = Failure<PricingErrorCode>;

export type PricingResult<T extends object> = Result<T, PricingErrorCode>;

export function pricingFailure(code: PricingErrorCode, message: string): PricingFailure {
  return failure(code, message, { issues: [{ path: '', message }] });
}

// The schemas put the French message on each check; here we only pick the code, from an
// explicit `params.code` (custom checks) or from the field that failed.
const CODE_BY_FIELD: Record<string, PricingErrorCode> = {
  quantity: 'INVALID_QUANTITY',
  discountBasisPoints: 'INVALID_DISCOUNT',
  shopDiscountBasisPoints: 'INVALID_DISCOUNT',
  vatRateBasisPoints: 'UNSUPPORTED_VAT_RATE',
};

function codeOf(issue: $ZodIssue): PricingErrorCode {
  const explicit: unknown = issue.code === 'custom' ? issue.params?.code : undefined;
  if (isPricingErrorCode(explicit)) return explicit;
  const field = issue.path.at(-1);
  if (issue.path.length === 1 && field === 'lines' && issue.code === 'too_small') return 'EMPTY_ORDER';
  return (typeof field === 'string' ? CODE_BY_FIELD[field] : undefined) ?? 'INVALID_INPUT';
}

/** "Ligne 2 : …" for line issues (1-based, as a person counts), the bare message otherwise. */
function withLinePrefix(issue: $ZodIssue): string {
  const [root, index] = issue.path;
  if (root !== 'lines' || typeof index !== 'number') return issue.message;
  // French puts a lower-case letter after the colon: "Ligne 2 : la quantité…".
  return `Ligne ${index + 1} : ${issue.message.charAt(0).toLocaleLowerCase('fr-FR')}${issue.message.slice(1)}`;
}

export function failureFromIssues(issues: readonly $ZodIssue[]): PricingFailure {
  const first = issues[0];
  if (!first) throw new Error('failureFromIssues called without issues');
  return failure(codeOf(first), withLinePrefix(first), {
    issues: issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: withLinePrefix(issue) })),
  });
}
