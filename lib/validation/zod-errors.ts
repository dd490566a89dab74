import { z } from 'zod';
import { failure, type Failure } from '@/lib/core/result';

// zod errors turned into what people read. The schemas carry the French messages; these only
// choose which ones to show. Built on zod 4's flattenError and prettifyError
// (https://zod.dev/error-formatting).

/** First message of each field, for forms that show it beside the field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const { formErrors, fieldErrors: byField } = z.flattenError(error);
  const errors: Record<string, string> = {};
  for (const [field, messages] of Object.entries(byField) as [string, string[] | undefined][]) {
    if (messages?.[0]) errors[field] = messages[0];
  }
  if (formErrors[0]) errors.form = formErrors[0];
  return errors;
}

/** The first problem's message, for a form with a single message. */
export function firstErrorMessage(error: z.ZodError, fallback = 'Saisie invalide.'): string {
  return error.issues[0]?.message ?? fallback;
}

/** Every problem, one per line, each naming its field: for settings read at start-up. */
export function listProblems(error: z.ZodError): string {
  return error.issues.map((issue) => `- ${issue.path.join('.') || '(racine)'}: ${issue.message}`).join('\n');
}

/** A form that did not parse: its field messages, and all of them as one message for forms that show only that. */
export function invalidInput(error: z.ZodError): Failure {
  const errors = fieldErrors(error);
  const messages = [...new Set(Object.values(errors))];
  return failure('INVALID_INPUT', messages.length > 0 ? messages.join(' ') : 'Formulaire invalide.', {
    fieldErrors: errors,
  });
}

/** The text fields of a posted form; a file where text was expected is kept out (zod then refuses it). */
export function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !(key in fields)) fields[key] = value;
  }
  return fields;
}
