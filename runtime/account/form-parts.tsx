// Building blocks of the account forms: a labelled field with its hint and error, the form-level
// message, the submit button, and the hook that runs a submission. Forms post JSON with fetch;
// until the page has hydrated their buttons are disabled, so nothing is ever submitted as a
// plain form (which would put a password in a URL or meet the server's JSON-only rule).
import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Icon } from '../../blocks/_lib/icons';
import type { CallResult } from './portal-api';

export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

type FieldProps = {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password';
  autoComplete: string;
  defaultValue?: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  minLength?: number;
  readOnly?: boolean;
};

export function Field({ name, label, type = 'text', autoComplete, defaultValue, hint, error, required = true, minLength, readOnly }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'pa-field pa-field--invalid' : 'pa-field'}>
      <label className="pa-field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="pa-field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input
        className="pa-field__input"
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        required={required}
        minLength={minLength}
        readOnly={readOnly}
        spellCheck={type === 'text' ? undefined : false}
        autoCapitalize={type === 'text' ? undefined : 'none'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error ? (
        <p className="pa-field__error" id={errorId}>
          <Icon name="alert-circle" /> {error}
        </p>
      ) : null}
    </div>
  );
}

/** A message about the whole form; announced, and focused when it appears so keyboard users land on it. */
export function FormMessage({ tone, children, focusKey }: { tone: 'error' | 'success' | 'info'; children: ReactNode; focusKey?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey) ref.current?.focus();
  }, [focusKey]);
  return (
    <div ref={ref} className={`pa-message pa-message--${tone}`} role={tone === 'error' ? 'alert' : 'status'} tabIndex={-1}>
      <Icon name={tone === 'error' ? 'alert-circle' : tone === 'success' ? 'check-circle' : 'info'} className="pa-message__icon" />
      <div>{children}</div>
    </div>
  );
}

export function SubmitButton({ pending, children, tone = 'primary' }: { pending: boolean; children: ReactNode; tone?: 'primary' | 'secondary' }) {
  const hydrated = useHydrated();
  return (
    <button className={`pb-btn pb-btn--${tone} pa-submit`} type="submit" disabled={!hydrated || pending} aria-disabled={pending || undefined}>
      {pending ? <span className="pa-spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}

export type FormState = { pending: boolean; message: string | null; fields: Record<string, string>; attempt: number };

/**
 * Runs a form's submission: collects its fields, calls `send`, and on failure keeps the message and
 * field errors and moves focus (to the first invalid field, else to the message).
 */
export function useSubmit(send: (values: Record<string, string>) => Promise<CallResult>, onSuccess: (values: Record<string, string>, form: HTMLFormElement) => void) {
  const [state, setState] = useState<FormState>({ pending: false, message: null, fields: {}, attempt: 0 });
  const formRef = useRef<HTMLFormElement>(null);
  const onSubmit = useCallback(
    async (e: FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const form = e.currentTarget;
      const values: Record<string, string> = {};
      for (const [k, v] of new FormData(form)) if (typeof v === 'string') values[k] = v;
      setState((s) => ({ ...s, pending: true }));
      const result = await send(values);
      if (result.ok) {
        setState((s) => ({ pending: false, message: null, fields: {}, attempt: s.attempt }));
        onSuccess(values, form);
        return;
      }
      setState((s) => ({ pending: false, message: result.message, fields: result.fields, attempt: s.attempt + 1 }));
      const firstInvalid = Object.keys(result.fields)[0];
      if (firstInvalid) requestAnimationFrame(() => formRef.current?.querySelector<HTMLInputElement>(`[name="${firstInvalid}"]`)?.focus());
    },
    [send, onSuccess],
  );
  return { state, onSubmit, formRef };
}

/** The card every account page sits in: a heading, an optional lead, the content, links below. */
export function AccountCard({ title, lead, children, footer }: { title: string; lead?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="pa-page">
      <section className="pa-card" aria-labelledby="pa-title">
        <h1 className="pa-card__title" id="pa-title" tabIndex={-1}>
          {title}
        </h1>
        {lead ? <p className="pa-card__lead">{lead}</p> : null}
        {children}
      </section>
      {footer ? <div className="pa-card__footer">{footer}</div> : null}
    </div>
  );
}
