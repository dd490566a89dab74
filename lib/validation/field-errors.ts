import { z } from 'zod';
import { failure, type Failure } from './action-result';

/** The first message of each field, for forms (zod 4's flattenError). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const { fieldErrors: byField, formErrors } = z.flattenError(error);
  const errors: Record<string, string> = {};
  for (const [field, messages] of Object.entries(byField)) {
    const first = (messages as string[] | undefined)?.[0];
    if (first) errors[field] = first;
  }
  if (formErrors[0]) errors.form = formErrors[0];
  return errors;
}

/** The text fields of a posted form; a file where text was expected is kept out (zod then refuses it). */
export function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !(key in fields)) fields[key] = value;
  }
  return fields;
}

/** A form that did not parse: its field messages, and all of them as one message for forms that show only that. */
export function invalidInput(error: z.ZodError): Failure {
  const errors = fieldErrors(error);
  const messages = [...new Set(Object.values(errors))];
  return failure('INVALID_INPUT', messages.length > 0 ? messages.join(' ') : 'Formulaire invalide.', errors);
}
