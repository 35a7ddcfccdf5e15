// Shared pieces of the data and self-service blocks: formatting a field's value for people (money,
// dates, enums, relations by title, addresses, files as download links), an action's answer as a
// message, a status badge, and what a data block shows in the builder's canvas, where it has no data.
import type { ReactNode } from 'react';
import type { ActionOutcome, FieldInfo, RecordRow } from '../../core';
import type { RenderContext } from './define-block';

type Money = { amount: number; currency: string };
type Address = { street?: string; postalCode?: string; city?: string; region?: string; country?: string };
/** A file field's value as records store it (core's StoredFile). */
type StoredFile = { id: string; name: string; bytes?: number; mime?: string };

const isMoney = (v: unknown): v is Money => typeof v === 'object' && v !== null && typeof (v as Money).amount === 'number' && typeof (v as Money).currency === 'string';
const isFile = (v: unknown): v is StoredFile => typeof v === 'object' && v !== null && typeof (v as StoredFile).id === 'string' && typeof (v as StoredFile).name === 'string';

/** A money value as the viewer's locale writes it: "€1,234.50". */
export function formatMoney(value: Money, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: value.currency }).format(value.amount);
  } catch {
    return `${value.amount.toFixed(2)} ${value.currency}`;
  }
}

/** "2026-03-01" → "1 Mar 2026" (dates are calendar days: no time zone shift). */
export function formatDate(iso: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** A timestamp in UTC, so the server's HTML and the browser's hydration agree. */
export function formatDateTime(iso: string, locale: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(d)} UTC`;
}

export function formatAddress(a: Address): string[] {
  return [a.street, [a.postalCode, a.city].filter(Boolean).join(' '), [a.region, a.country].filter(Boolean).join(', ')].filter((l): l is string => !!l && l.trim() !== '');
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A value as one line of text ('' when absent). */
export function formatValue(field: FieldInfo, value: unknown, locale: string, titles: Record<string, string> = {}): string {
  if (value === null || value === undefined || value === '') return '';
  switch (field.type) {
    case 'money':
      return isMoney(value) ? formatMoney(value, locale) : '';
    case 'number':
      return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : '';
    case 'date':
      return typeof value === 'string' ? formatDate(value, locale) : '';
    case 'datetime':
      return typeof value === 'string' ? formatDateTime(value, locale) : '';
    case 'boolean':
      return value === true ? 'Yes' : 'No';
    case 'enum':
      return field.options?.find((o) => o.value === value)?.label ?? String(value);
    case 'relation':
      return typeof value === 'string' ? (titles[value] ?? '') : '';
    case 'relations':
      return Array.isArray(value) ? value.map((id) => titles[String(id)]).filter(Boolean).join(', ') : '';
    case 'address':
      return typeof value === 'object' ? formatAddress(value as Address).join(', ') : '';
    case 'file':
      return isFile(value) ? value.name : '';
    default:
      return String(value);
  }
}

/** Where a portal user downloads a file of a record they may read (server/http/portal-files.ts). */
export const fileHref = (ctx: RenderContext, recordId: string, field: string) => ctx.href(`/_files/${encodeURIComponent(recordId)}/${encodeURIComponent(field)}`);

/** A value for display: links for emails, phones, URLs and files; lines for addresses. */
export function FieldValue({ field, row, ctx, titles }: { field: FieldInfo; row: RecordRow; ctx: RenderContext; titles?: Record<string, string> }): ReactNode {
  const value = row.data[field.key];
  if (value === null || value === undefined || value === '') return <span className="pd-none">—</span>;
  switch (field.type) {
    case 'email':
      return <a href={`mailto:${String(value)}`}>{String(value)}</a>;
    case 'phone':
      return <a href={`tel:${String(value).replace(/[^\d+]/g, '')}`}>{String(value)}</a>;
    case 'url':
      return /^https?:\/\//i.test(String(value)) ? (
        <a href={String(value)} rel="noopener noreferrer" target="_blank">
          {String(value)}
        </a>
      ) : (
        String(value)
      );
    case 'file':
      return isFile(value) ? (
        <a href={fileHref(ctx, row.id, field.key)} download>
          {value.name}
          {value.bytes ? <span className="pd-muted"> ({formatBytes(value.bytes)})</span> : null}
        </a>
      ) : (
        <span className="pd-none">—</span>
      );
    case 'address': {
      const lines = formatAddress(value as Address);
      return (
        <span className="pd-address">
          {lines.map((l, i) => (
            <span key={i}>{l}</span>
          ))}
        </span>
      );
    }
    case 'longText':
      return <span className="pd-longtext">{String(value)}</span>;
    case 'enum':
      return <StatusBadge value={String(value)} label={formatValue(field, value, ctx.locale, titles)} />;
    default:
      return <>{formatValue(field, value, ctx.locale, titles) || <span className="pd-none">—</span>}</>;
  }
}

/** Status words that read as good, waiting or bad, for a badge's colour. */
const TONES: Record<string, 'ok' | 'warn' | 'bad' | 'info'> = {
  active: 'ok', paid: 'ok', accepted: 'ok', done: 'ok', completed: 'ok', resolved: 'ok', succeeded: 'ok', won: 'ok', published: 'ok',
  open: 'info', pending: 'warn', 'in-progress': 'info', current: 'info', received: 'info', waiting: 'warn', invited: 'warn', 'cancellation-requested': 'warn', survey: 'info', lead: 'info', offer: 'info',
  overdue: 'bad', rejected: 'bad', cancelled: 'bad', failed: 'bad', expired: 'bad', disabled: 'bad', ended: 'bad', lost: 'bad',
};

export function StatusBadge({ value, label }: { value: string; label: string }) {
  return <span className={`pd-badge pd-badge--${TONES[value] ?? 'neutral'}`}>{label}</span>;
}

/** An action's answer, announced to screen readers: a success message or the refusal. */
export function ActionMessage({ outcome }: { outcome: ActionOutcome | null }) {
  if (!outcome) return null;
  if (outcome.ok) {
    return outcome.message ? (
      <p className="pd-message pd-message--ok" role="status">
        {outcome.message}
      </p>
    ) : null;
  }
  return (
    <p className="pd-message pd-message--error" role="alert">
      {outcome.message}
    </p>
  );
}

/** In the builder's canvas a data block has no data: it says what it will show, and for whom. */
export function BuilderSample({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="pd-sample">
      <p className="pd-sample__title">{title}</p>
      <p className="pd-sample__text">{children ?? 'Shows the signed-in user’s records in the published portal.'}</p>
    </div>
  );
}

/** Nothing to show: a calm line, not an error. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="pd-empty">{children}</p>;
}
