'use client';

import { useActionState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { PASSWORD_MIN_LENGTH } from '@/lib/validation/staff';
import type { ActionState } from '../action-state';
import { Field } from '@/components/ui/field';
import { changePasswordAction } from './actions';

export function PasswordForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(changePasswordAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={action} className="admin-form">
      {state && !state.ok && <FormError message={state.message} />}
      {state?.ok && (
        <p className="form-success" role="status">
          {state.message}
        </p>
      )}
      <Field
        name="currentPassword"
        label="Mot de passe actuel"
        type="password"
        autoComplete="current-password"
        required
        error={errors.currentPassword}
      />
      <Field
        name="newPassword"
        label="Nouveau mot de passe"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères ; une phrase facile à retenir convient.`}
        error={errors.newPassword}
      />
      <Field
        name="confirmation"
        label="Nouveau mot de passe, à nouveau"
        type="password"
        autoComplete="new-password"
        required
        error={errors.confirmation}
      />
      <button type="submit" disabled={pending}>
        Changer le mot de passe
      </button>
    </form>
  );
}
