import { failure, type Failure } from '@/lib/core/result';

/** What an order-desk form shows after posting: nothing yet, a French error, or a confirmation. */
export type ActionState = Failure | { ok: true; message: string } | null;

/** A Server Action is a public endpoint: anything can be posted to it, not only our forms. */
export const NOT_A_FORM = failure('INVALID_INPUT', 'Formulaire invalide.');
