import type { InputHTMLAttributes } from 'react';

type Props = InputHTMLAttributes<HTMLInputElement> & { name: string; label: string; error?: string; hint?: string };

/** A labelled input with its error message tied to it (aria-describedby). */
export function Field({ name, label, error, hint, id, ...input }: Props) {
  const inputId = id ?? name;
  const describedBy = [hint ? `${inputId}-aide` : null, error ? `${inputId}-erreur` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <p id={`${inputId}-aide`} className="field-hint">
          {hint}
        </p>
      )}
      <input
        id={inputId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {error && (
        <p id={`${inputId}-erreur`} className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
