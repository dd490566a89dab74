'use client';

import { useActionState } from 'react';
import { FormError } from '@/components/ui/form-error';
import { STAFF_ROLE_LABELS, STAFF_ROLES } from '@/lib/staff/roles';
import { PASSWORD_MIN_LENGTH } from '@/lib/validation/staff';
import { Field } from '@/components/ui/field';
import { createStaffAction, type CreateStaffState } from './actions';

/** Invite a colleague: the password is typed, or generated and shown here once. */
export function CreateStaffForm() {
  const [state, action, pending] = useActionState<CreateStaffState, FormData>(createStaffAction, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const values = state && !state.ok && 'values' in state ? (state.values ?? {}) : {};
  return (
    <form action={action} className="admin-form" aria-labelledby="nouveau-compte">
      <h2 id="nouveau-compte">Nouveau compte</h2>
      {state && !state.ok && <FormError message={state.message} />}
      {state?.ok && (
        <div className="form-success" role="status">
          <p>{state.message}</p>
          {state.generatedPassword && (
            <p>
              Mot de passe à transmettre (il ne sera plus affiché) : <code>{state.generatedPassword}</code>
            </p>
          )}
        </div>
      )}
      <Field name="name" label="Nom" autoComplete="off" required defaultValue={values.name} error={errors.name} />
      <Field
        name="email"
        label="Adresse e-mail"
        type="email"
        autoComplete="off"
        required
        defaultValue={values.email}
        error={errors.email}
      />
      <Field control="select" name="role" label="Rôle" defaultValue={values.role || 'libraire'} error={errors.role}>
        {STAFF_ROLES.map((role) => (
          <option key={role} value={role}>
            {STAFF_ROLE_LABELS[role]}
          </option>
        ))}
      </Field>
      <Field
        name="password"
        label="Mot de passe (facultatif)"
        type="password"
        autoComplete="new-password"
        hint={`Laissez vide pour en générer un. Sinon, au moins ${PASSWORD_MIN_LENGTH} caractères.`}
        error={errors.password}
      />
      <button type="submit" disabled={pending}>
        Créer le compte
      </button>
    </form>
  );
}
