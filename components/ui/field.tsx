import type { ComponentProps, ReactNode } from 'react';

// The one way to lay out a form field: its label tied to the control (htmlFor), a hint and an
// error message read with it (aria-describedby), the control marked invalid when there is an
// error (WCAG 1.3.1, 3.3.1). The control is an <input> unless `control` says select or textarea.

type Common = {
  name: string;
  label: ReactNode;
  /** The control's id; its name by default. */
  id?: string;
  error?: string;
  hint?: ReactNode;
  /** The wrapper's layout beside "field": "field-wide", "field-inline"… */
  layout?: string;
};

type InputField = Common & { control?: 'input' } & Omit<ComponentProps<'input'>, 'name' | 'id'>;
type SelectField = Common & { control: 'select' } & Omit<ComponentProps<'select'>, 'name' | 'id'>;
type TextareaField = Common & { control: 'textarea' } & Omit<ComponentProps<'textarea'>, 'name' | 'id'>;

export type FieldProps = InputField | SelectField | TextareaField;

export function Field(props: FieldProps) {
  const { name, label, id, error, hint, layout, ...rest } = props;
  const inputId = id ?? name;
  const describedBy =
    [rest['aria-describedby'], hint ? `${inputId}-aide` : null, error ? `${inputId}-erreur` : null]
      .filter(Boolean)
      .join(' ') || undefined;
  const wiring = { id: inputId, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
  let control: ReactNode;
  if (rest.control === 'select') {
    const { control: _select, ...select } = rest;
    control = <select {...select} {...wiring} />;
  } else if (rest.control === 'textarea') {
    const { control: _textarea, ...textarea } = rest;
    control = <textarea {...textarea} {...wiring} />;
  } else {
    const { control: _input, ...input } = rest;
    control = <input {...input} {...wiring} />;
  }
  return (
    <div className={layout ? `field ${layout}` : 'field'}>
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <p id={`${inputId}-aide`} className="field-hint">
          {hint}
        </p>
      )}
      {control}
      {error && (
        <p id={`${inputId}-erreur`} className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
