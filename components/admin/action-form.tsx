'use client';

import { startTransition, useActionState, useRef, type ReactNode } from 'react';
import { requestFormReset } from 'react-dom';
import { FormError } from '@/components/ui/form-error';
import { keepValuesOnSubmit } from '@/components/ui/keep-values-on-submit';
import type { ActionState } from './action-state';
import { useAnnounce } from './feedback';

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  submitLabel: string;
  /** Fields, hidden inputs (reference, version) included; rendered on the server. */
  children?: ReactNode;
  className?: string;
  /** Names the form for assistive technologies when its button alone does not. */
  label?: string;
  buttonClassName?: string;
};

/**
 * A back-office form: posts a Server Action, then says what happened: an error in the form
 * (what was typed is still there to correct), a confirmation in the page's feedback region
 * (feedback.tsx), and the form back to its defaults.
 */
export function ActionForm({ action, submitLabel, children, className, label, buttonClassName }: Props) {
  const announce = useAnnounce();
  const form = useRef<HTMLFormElement>(null);
  // Announced as the result arrives: the same response re-renders the page, and may remove
  // this very form (its step is done), so an effect here would never run.
  const [state, formAction, pending] = useActionState(async (previous: ActionState, formData: FormData) => {
    const result = await action(previous, formData);
    if (result?.ok) {
      announce?.(result.message);
      // After the await the action's transition is gone: the reset gets one of its own.
      const element = form.current;
      if (element) startTransition(() => requestFormReset(element));
    }
    return result;
  }, null);
  return (
    <form
      ref={form}
      action={formAction}
      onSubmit={keepValuesOnSubmit(formAction)}
      className={className}
      aria-label={label}
    >
      {state && !state.ok && <FormError message={state.message} />}
      {state?.ok && !announce && (
        <p className="form-success" role="status">
          {state.message}
        </p>
      )}
      {children}
      <button type="submit" disabled={pending} className={buttonClassName}>
        {submitLabel}
      </button>
    </form>
  );
}
