// One labelled input per field type, for every block that lets a portal user type a record's values
// (forms, search, self-service dialogs). Controlled and hook-free: the value is a record value as the
// record layer stores it (money { amount, currency }, dates YYYY-MM-DD, datetimes ISO in UTC, an
// address object) and `onChange` hands back the same shape. Empty reads as '' (text-like) or null.
// Datetimes are shown and typed in UTC, like formatDateTime shows them: the server's HTML and the
// browser's hydration cannot disagree about a time zone.
import type { ChangeEvent, ReactNode } from 'react';
import type { FieldInfo, FieldType } from '../../core';

export type FieldInputProps = {
  field: FieldInfo;
  value: unknown;
  onChange: (value: unknown) => void;
  /** The message shown under the control (and announced with it); empty: none. */
  error?: string | undefined;
  /** The control's id (the first sub-input's for money and addresses); error and hint ids derive from it. */
  id: string;
  /** A line of help under the label. */
  hint?: string | undefined;
  disabled?: boolean | undefined;
};

/** The field types FieldInput edits; others (files, relations) need their own widgets. */
export const INPUT_TYPES: readonly FieldType[] = ['text', 'longText', 'number', 'money', 'date', 'datetime', 'boolean', 'enum', 'email', 'phone', 'url', 'address'];
export const hasInput = (type: FieldType): boolean => INPUT_TYPES.includes(type);

type Money = { amount?: number; currency?: string };
type Address = { street?: string; postalCode?: string; city?: string; region?: string; country?: string };

const asObject = <T,>(v: unknown): T => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as T) : ({} as T));
const asText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Whether a value counts as "not filled in" (what a required field must not be). */
export function isBlank(field: FieldInfo, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  switch (field.type) {
    case 'boolean':
      return typeof value !== 'boolean';
    case 'number':
      return typeof value !== 'number' || !Number.isFinite(value);
    case 'money':
      return typeof asObject<Money>(value).amount !== 'number' || !Number.isFinite(asObject<Money>(value).amount);
    case 'address':
      return Object.values(asObject<Address>(value)).every((p) => typeof p !== 'string' || p.trim() === '');
    default:
      return typeof value === 'string' ? value.trim() === '' : false;
  }
}

/** A value as it should be sent: blanks become null, text is trimmed (long text keeps its inner lines). */
export function toSubmitValue(field: FieldInfo, value: unknown): unknown {
  if (isBlank(field, value)) return null;
  if (typeof value === 'string' && field.type !== 'longText') return value.trim();
  if (field.type === 'money') {
    const m = asObject<Money>(value);
    return m.currency ? { amount: m.amount, currency: m.currency } : { amount: m.amount };
  }
  return value;
}

/** "2026-05-01T09:30:00.000Z" → "2026-05-01T09:30" (UTC) for a datetime-local input. */
export function toDateTimeInput(iso: unknown): string {
  if (typeof iso !== 'string' || iso === '') return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 16);
}

/** "2026-05-01T09:30" (typed in UTC) → "2026-05-01T09:30:00.000Z". */
export function fromDateTimeInput(local: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return '';
  const d = new Date(`${local.length === 16 ? `${local}:00` : local}Z`);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

const describedBy = (id: string, hint?: string, error?: string) => [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

function Label({ field, htmlFor, id, suffix }: { field: FieldInfo; htmlFor?: string; id?: string; suffix?: string }) {
  const body = (
    <>
      {field.label}
      {suffix ? <span className="pd-fi-suffix"> {suffix}</span> : null}
      {field.required ? (
        <span className="pd-fi-req" aria-hidden="true">
          {' '}
          *
        </span>
      ) : null}
    </>
  );
  return htmlFor ? (
    <label className="pd-field__label" htmlFor={htmlFor} id={id}>
      {body}
    </label>
  ) : (
    <span className="pd-field__label" id={id}>
      {body}
    </span>
  );
}

function Extras({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }): { hint: ReactNode; error: ReactNode } {
  return {
    hint: hint ? (
      <span className="pd-field__hint" id={`${id}-hint`}>
        {hint}
      </span>
    ) : null,
    error: error ? (
      <span className="pd-field__error" id={`${id}-error`}>
        {error}
      </span>
    ) : null,
  };
}

const TEXT_TYPES: Partial<Record<FieldType, { type: string; autoComplete?: string; inputMode?: 'email' | 'tel' | 'url' }>> = {
  text: { type: 'text' },
  email: { type: 'email', autoComplete: 'email', inputMode: 'email' },
  phone: { type: 'tel', autoComplete: 'tel', inputMode: 'tel' },
  url: { type: 'url', autoComplete: 'url', inputMode: 'url' },
  date: { type: 'date' },
};

/** One field's label, control, hint and error. Every control is labelled; errors are tied to it with aria-describedby. */
export function FieldInput({ field, value, onChange, error, id, hint, disabled }: FieldInputProps): ReactNode {
  const extras = Extras({ id, hint, error });
  const aria = { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(id, hint, error), 'aria-required': field.required || undefined };
  const text = (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => onChange(e.currentTarget.value);
  const frame = (control: ReactNode, suffix?: string) => (
    <div className="pd-field">
      <Label field={field} htmlFor={id} {...(suffix ? { suffix } : {})} />
      {extras.hint}
      {control}
      {extras.error}
    </div>
  );

  switch (field.type) {
    case 'text':
    case 'email':
    case 'phone':
    case 'url':
    case 'date': {
      const t = TEXT_TYPES[field.type]!;
      return frame(
        <input
          id={id}
          name={field.key}
          className="pd-input"
          type={t.type}
          value={asText(value)}
          onChange={text}
          disabled={disabled}
          {...(t.autoComplete ? { autoComplete: t.autoComplete } : {})}
          {...(t.inputMode ? { inputMode: t.inputMode } : {})}
          {...(field.maxLength ? { maxLength: field.maxLength } : {})}
          {...aria}
        />,
      );
    }
    case 'longText':
      return frame(<textarea id={id} name={field.key} className="pd-input" rows={5} value={asText(value)} onChange={text} disabled={disabled} {...(field.maxLength ? { maxLength: field.maxLength } : {})} {...aria} />);
    case 'number':
      return frame(
        <input
          id={id}
          name={field.key}
          className="pd-input pd-fi-number"
          type="number"
          inputMode="decimal"
          step="any"
          value={typeof value === 'number' && Number.isFinite(value) ? value : ''}
          onChange={(e) => {
            const raw = e.currentTarget.value;
            const n = raw.trim() === '' ? NaN : Number(raw);
            onChange(Number.isFinite(n) ? n : null);
          }}
          disabled={disabled}
          {...aria}
        />,
      );
    case 'datetime':
      return frame(
        <input
          id={id}
          name={field.key}
          className="pd-input"
          type="datetime-local"
          value={toDateTimeInput(value)}
          onChange={(e) => onChange(fromDateTimeInput(e.currentTarget.value))}
          disabled={disabled}
          {...aria}
        />,
        '(UTC)',
      );
    case 'enum':
      return frame(
        <select id={id} name={field.key} className="pd-input" value={asText(value)} onChange={text} disabled={disabled} {...aria}>
          <option value="">{field.required ? 'Choose…' : '—'}</option>
          {(field.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>,
      );
    case 'boolean':
      return (
        <div className="pd-field pd-fi-check">
          <label className="pd-fi-check__label" htmlFor={id}>
            <input id={id} name={field.key} type="checkbox" checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} disabled={disabled} {...aria} />
            <span>{field.label}</span>
          </label>
          {extras.hint}
          {extras.error}
        </div>
      );
    case 'money': {
      const m = asObject<Money>(value);
      const currency = field.currency ?? m.currency ?? 'EUR';
      const emit = (amountText: string, cur: string) => {
        const n = amountText.trim() === '' ? NaN : Number(amountText);
        if (!Number.isFinite(n)) onChange(null);
        else onChange(field.currency ? { amount: n, currency: field.currency } : { amount: n, currency: cur });
      };
      const amountText = typeof m.amount === 'number' && Number.isFinite(m.amount) ? m.amount : '';
      return (
        <div className="pd-field">
          <Label field={field} htmlFor={id} />
          {extras.hint}
          <div className="pd-fi-money">
            <input
              id={id}
              name={field.key}
              className="pd-input pd-fi-money__amount"
              type="number"
              inputMode="decimal"
              step="0.01"
              value={amountText}
              onChange={(e) => emit(e.currentTarget.value, currency)}
              disabled={disabled}
              {...aria}
              {...(field.currency ? { 'aria-describedby': [`${id}-currency`, aria['aria-describedby']].filter(Boolean).join(' ') } : {})}
            />
            {field.currency ? (
              <span className="pd-fi-money__currency" id={`${id}-currency`}>
                {field.currency}
              </span>
            ) : (
              <input
                id={`${id}-currency`}
                className="pd-input pd-fi-money__currency-input"
                type="text"
                aria-label={`${field.label}: currency`}
                maxLength={3}
                autoCapitalize="characters"
                value={currency}
                onChange={(e) => {
                  const cur = e.currentTarget.value.toUpperCase().replace(/[^A-Z]/g, '').slice(0, 3);
                  if (typeof m.amount === 'number') onChange({ amount: m.amount, currency: cur });
                  else onChange(null);
                }}
                disabled={disabled}
              />
            )}
          </div>
          {extras.error}
        </div>
      );
    }
    case 'address': {
      const a = asObject<Address>(value);
      const set = (part: keyof Address, v: string) => {
        const next: Address = { ...a, [part]: part === 'country' ? v.toUpperCase().slice(0, 2) : v };
        const kept = Object.fromEntries(Object.entries(next).filter(([, x]) => typeof x === 'string' && x !== '')) as Address;
        onChange(Object.keys(kept).length ? kept : null);
      };
      const part = (key: keyof Address, label: string, autoComplete: string, extra: Record<string, unknown> = {}) => {
        const partId = key === 'street' ? id : `${id}-${key}`;
        return (
          <div className={`pd-fi-address__part pd-fi-address__part--${key}`}>
            <label className="pd-fi-address__label" htmlFor={partId}>
              {label}
            </label>
            <input
              id={partId}
              name={`${field.key}.${key}`}
              className="pd-input"
              type="text"
              autoComplete={autoComplete}
              value={a[key] ?? ''}
              onChange={(e) => set(key, e.currentTarget.value)}
              disabled={disabled}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(id, hint, error)}
              {...extra}
            />
          </div>
        );
      };
      return (
        <fieldset className="pd-field pd-fi-address">
          <legend className="pd-field__label">
            {field.label}
            {field.required ? (
              <span className="pd-fi-req" aria-hidden="true">
                {' '}
                *
              </span>
            ) : null}
          </legend>
          {extras.hint}
          <div className="pd-fi-address__grid">
            {part('street', 'Street and number', 'street-address', { maxLength: 200 })}
            {part('postalCode', 'Postcode', 'postal-code', { maxLength: 20 })}
            {part('city', 'City', 'address-level2', { maxLength: 100 })}
            {part('country', 'Country', 'country', { maxLength: 2, autoCapitalize: 'characters', placeholder: 'DE', title: 'Two-letter country code, like DE' })}
          </div>
          {extras.error}
        </fieldset>
      );
    }
    default:
      return (
        <div className="pd-field">
          <Label field={field} />
          <span className="pd-muted">This field cannot be changed here.</span>
        </div>
      );
  }
}
