import { type FormEvent, useState } from 'react';
import type { CombinedError } from 'urql';
import { dayProblem } from '../calendar';
import { DateField } from './date-field';

export interface FieldSpec {
  /** The input's field in the API (what `extensions.field` names when it refuses it). */
  name: string;
  label: string;
  type?: 'text' | 'date';
  required?: boolean;
  hint?: string;
}

/** The field an API error names (`input.dueDate` → `dueDate`), if any. */
export function fieldOf(error: CombinedError | undefined): string | null {
  const field = error?.graphQLErrors[0]?.extensions?.field;
  return typeof field === 'string' ? (field.split('.').at(-1) ?? null) : null;
}

/**
 * A form for one mutation: each refusal is shown beside the field the API names, or above the
 * form when it names none; what was recorded is said once it is.
 */
export function MutationForm({
  id,
  title,
  fields,
  submitLabel,
  onSubmit,
}: {
  id: string;
  title: string;
  fields: FieldSpec[];
  submitLabel: string;
  onSubmit: (values: Record<string, string>) => Promise<{ error?: CombinedError; done?: string }>;
}) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.name, ''])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const problems = fields.flatMap((f): Array<[string, string]> => {
      if (f.type === 'date') {
        const problem = dayProblem(values[f.name], f.label, f.required);
        return problem ? [[f.name, problem]] : [];
      }
      return f.required && !values[f.name].trim() ? [[f.name, `${f.label}: es obligatorio.`]] : [];
    });
    if (problems.length) {
      setErrors(Object.fromEntries(problems));
      setGeneral(null);
      return;
    }
    setBusy(true);
    const result = await onSubmit(values);
    setBusy(false);
    if (result.error) {
      const message = result.error.graphQLErrors[0]?.message ?? result.error.message;
      const field = fieldOf(result.error);
      if (field && fields.some((f) => f.name === field)) {
        setErrors({ [field]: message });
        setGeneral(null);
      } else {
        setErrors({});
        setGeneral(message);
      }
      return;
    }
    setErrors({});
    setGeneral(null);
    setDone(result.done ?? 'Registrado.');
  };
  return (
    <form onSubmit={submit} className="mutation-form" aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>{title}</h3>
      {general ? (
        <p role="alert" className="notice error">
          {general}
        </p>
      ) : null}
      {fields.map((f) => {
        const inputId = `${id}-${f.name}`;
        const described = [errors[f.name] ? `${inputId}-error` : '', f.hint ? `${inputId}-hint` : '']
          .filter(Boolean)
          .join(' ');
        if (f.type === 'date')
          return (
            <DateField
              key={f.name}
              id={inputId}
              label={`${f.label}${f.required ? ' (obligatorio)' : ''}`}
              value={values[f.name]}
              onChange={(value) => setValues((v) => ({ ...v, [f.name]: value }))}
              error={errors[f.name]}
              hint={f.hint}
            />
          );
        return (
          <div className="field" key={f.name}>
            <label htmlFor={inputId}>
              {f.label}
              {f.required ? ' (obligatorio)' : ''}
            </label>
            <input
              id={inputId}
              type={f.type ?? 'text'}
              value={values[f.name]}
              onChange={(e) => setValues((v) => ({ ...v, [f.name]: e.target.value }))}
              aria-invalid={errors[f.name] ? true : undefined}
              aria-describedby={described || undefined}
            />
            {f.hint ? (
              <span id={`${inputId}-hint`} className="muted">
                {f.hint}
              </span>
            ) : null}
            {errors[f.name] ? (
              <span id={`${inputId}-error`} className="field-error" role="alert">
                {errors[f.name]}
              </span>
            ) : null}
          </div>
        );
      })}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Registrando…' : submitLabel}
      </button>
      {done ? (
        <p role="status" className="ack-message">
          {done}
        </p>
      ) : null}
    </form>
  );
}
