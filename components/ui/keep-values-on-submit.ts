'use client';

import { startTransition, type FormEvent } from 'react';

/**
 * The `onSubmit` of a form whose `action` is a Server Action: React resets a form once its
 * action ran (React 19, https://react.dev/reference/react-dom/components/form), which wipes what
 * was typed when the server refuses it ("Vérifiez les champs signalés" over an empty form). This
 * posts the same FormData through a transition instead, so the fields keep their values; the
 * caller resets the form on success (requestFormReset) when it should. Without JavaScript the
 * form posts natively, and the server renders the page again.
 */
export function keepValuesOnSubmit(dispatch: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(formData));
  };
}
