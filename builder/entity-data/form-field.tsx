// One labelled control of the Data section's forms: label, optional help, and the server's message
// for it, wired with aria-describedby and aria-invalid (the same rule as the inspector's fields).
import type { ReactNode } from 'react';
import { controlAria } from '../inspector/field-frame';
import { sentence } from './issues';

export { controlAria };

export function FormField({
  id,
  label,
  help,
  error,
  required,
  badge,
  className,
  group,
  children,
}: {
  id: string;
  label: ReactNode;
  help?: string | undefined;
  error?: string | null | undefined;
  required?: boolean;
  /** Something small after the label ("Internal"). */
  badge?: ReactNode;
  className?: string;
  /** The control is a group labelled by `${id}-label` (address parts, a picker) rather than one input. */
  group?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={`field${error ? ' dt-field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <div className="dt-field__head">
        {group ? (
          <span className="field__label" id={`${id}-label`}>
            {label}
            {required ? <RequiredMark /> : null}
          </span>
        ) : (
          <label className="field__label" htmlFor={id} id={`${id}-label`}>
            {label}
            {required ? <RequiredMark /> : null}
          </label>
        )}
        {badge}
      </div>
      {children}
      {help && !error ? (
        <span id={`${id}-help`} className="field__help">
          {help}
        </span>
      ) : null}
      {help && error ? (
        <span id={`${id}-help`} className="visually-hidden">
          {help}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="field__error">
          {sentence(error)}
        </span>
      ) : null}
    </div>
  );
}

function RequiredMark() {
  return (
    <>
      <span className="dt-required" aria-hidden="true" title="Required">
        *
      </span>
      <span className="visually-hidden"> (required)</span>
    </>
  );
}
