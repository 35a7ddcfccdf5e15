// The frame around every inspector control: label, help and the inline validation message, wired
// to the control with `aria-describedby` and `aria-invalid`.
import type { ReactNode } from 'react';

/** zod messages are written lower-case to read well inside sentences; the UI shows them as one. */
export function sentence(message: string): string {
  return message ? message[0]!.toUpperCase() + message.slice(1) : message;
}

export type ControlAria = { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true };

export function controlAria(id: string, help: string | undefined, error: string | null): ControlAria {
  const described = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, ...(described ? { 'aria-describedby': described } : {}), ...(error ? { 'aria-invalid': true as const } : {}) };
}

export function FieldFrame({
  id,
  label,
  help,
  error,
  inline,
  labelFor = true,
  hideLabel,
  children,
  aside,
}: {
  id: string;
  label: string;
  help?: string | undefined;
  error: string | null;
  /** Label and control on one row (switches). */
  inline?: boolean;
  /** False when the control labels itself (a group with its own legend or aria-labelledby). */
  labelFor?: boolean;
  /** The label is read by screen readers only (rows of a simple list, labelled by the list). */
  hideLabel?: boolean | undefined;
  children: ReactNode;
  /** Something small beside the label: a counter, a hint. */
  aside?: ReactNode;
}) {
  const labelEl = labelFor ? (
    <label className={`insp-field__label${hideLabel ? ' visually-hidden' : ''}`} htmlFor={id}>
      {label}
    </label>
  ) : (
    <span className={`insp-field__label${hideLabel ? ' visually-hidden' : ''}`} id={`${id}-label`}>
      {label}
    </span>
  );
  return (
    <div className={`insp-field${inline ? ' insp-field--inline' : ''}${error ? ' insp-field--invalid' : ''}`}>
      {inline ? (
        <div className="insp-field__row">
          {labelEl}
          {children}
        </div>
      ) : (
        <>
          <div className="insp-field__head">
            {labelEl}
            {aside}
          </div>
          {children}
        </>
      )}
      {help ? (
        <p className="insp-field__help" id={`${id}-help`}>
          {help}
        </p>
      ) : null}
      {error ? (
        <p className="insp-field__error" id={`${id}-error`}>
          {sentence(error)}
        </p>
      ) : null}
    </div>
  );
}
