// Creating and editing one record in a side panel: a form generated from the type's fields, each
// field type with its own control, the server's issues next to the fields at fault, and deleting
// with a confirmation (a record other records link to stays, and the server says which link to it).
import { useQuery } from '@tanstack/react-query';
import { Trash2 } from 'lucide-react';
import { useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { FieldDef, StoredFile } from '../../core';
import { api, errorCode, errorMessage, useTRPC } from '../api';
import { formatAbsoluteTime, formatRelativeTime } from '../shell/format-time';
import { toast } from '../ui/toasts';
import { Drawer } from './drawer';
import { useDataContext, useRefreshData, type RecordView, type TypeSummary } from './data-queries';
import { FileField } from './file-field';
import { controlAria, FormField } from './form-field';
import { ADDRESS_PARTS, formToCreateData, formToPatch, recordToForm, type AddressInput, type FormState, type FormValue, type MoneyInput } from './form-values';
import { issuesOf, sentence } from './issues';
import { RecordPicker } from './record-picker';
import { revealIn } from './scroll';
import { ConfirmDialog } from '../ui/confirm-dialog';

export function RecordPanel({ type, recordId, types, onClose }: { type: TypeSummary; recordId: string; types: readonly TypeSummary[]; onClose: () => void }) {
  const trpc = useTRPC();
  const isNew = recordId === 'new';
  const record = useQuery({ ...trpc.records.get.queryOptions({ type: type.key, id: recordId }), enabled: !isNew, staleTime: 0 });
  if (isNew) return <RecordForm key="new" type={type} record={null} types={types} onClose={onClose} />;
  if (record.isPending) {
    return (
      <Drawer eyebrow={type.label.singular} title="Loading…" onClose={onClose} busy>
        <div className="dt-drawer__loading" role="status">
          <span className="sh-spinner" aria-hidden="true" />
          <span className="muted">Loading the record…</span>
        </div>
      </Drawer>
    );
  }
  if (record.isError) {
    return (
      <Drawer eyebrow={type.label.singular} title="Not found" onClose={onClose}>
        <div className="sh-callout sh-callout--danger" role="alert">
          {errorCode(record.error) === 'NOT_FOUND' ? `There is no ${type.label.singular.toLowerCase()} with the id ${recordId}. It may have been deleted.` : errorMessage(record.error)}
        </div>
      </Drawer>
    );
  }
  return <RecordForm key={`${record.data.id}@${record.data.revision}`} type={type} record={record.data} types={types} onClose={onClose} />;
}

type Problem = { message: string; list: string[]; conflict: boolean };

function RecordForm({ type, record, types, onClose }: { type: TypeSummary; record: RecordView | null; types: readonly TypeSummary[]; onClose: () => void }) {
  const { canWrite } = useDataContext();
  const refresh = useRefreshData();
  const formId = useId();
  const initial = useMemo(() => recordToForm(type, record?.data ?? null), [type, record]);
  const [form, setForm] = useState<FormState>(initial);
  const [externalId, setExternalId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const readOnly = !canWrite;
  const noun = type.label.singular.toLowerCase();

  // The panel puts the focus on its close button; a new record starts at its first field instead.
  useEffect(() => {
    if (record || readOnly) return;
    document.getElementById(formId)?.querySelector<HTMLElement>('input:not([type=file]), select, textarea')?.focus();
  }, [record, readOnly, formId]);

  const set = (key: string, v: FormValue) => {
    setForm((f) => ({ ...f, [key]: v }));
    setErrors((e) => (e[key] ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== key)) : e));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || readOnly) return;
    setBusy(true);
    setProblem(null);
    setErrors({});
    try {
      if (!record) {
        const created = await api.records.create.mutate({ type: type.key, data: formToCreateData(type, form), ...(externalId.trim() ? { externalId: externalId.trim() } : {}) });
        toast(`Created ${created.title || noun}`);
      } else {
        const patch = formToPatch(type, initial, form);
        if (Object.keys(patch).length === 0) {
          onClose();
          return;
        }
        const updated = await api.records.update.mutate({ type: type.key, id: record.id, baseRevision: record.revision, data: patch });
        toast(`Saved ${updated.title || noun}`);
      }
      await refresh();
      onClose();
    } catch (err) {
      const issues = issuesOf(err);
      const byField: Record<string, string> = {};
      const list: string[] = [];
      for (const i of issues) {
        if (type.fields.some((f) => f.key === i.field)) byField[i.field] = byField[i.field] ? `${byField[i.field]}; ${i.message}` : i.message;
        else list.push(i.field ? `${i.field}: ${i.message}` : i.message);
      }
      setErrors(byField);
      const placed = Object.keys(byField).length;
      setProblem({
        message: placed ? `Not saved: ${placed === 1 ? 'a field needs' : `${placed} fields need`} your attention.` : errorMessage(err),
        list,
        conflict: errorCode(err) === 'CONFLICT',
      });
      // Bring the first field at fault into view.
      const first = type.fields.find((f) => byField[f.key]);
      requestAnimationFrame(() => {
        const body = document.getElementById(formId)?.closest('.dt-drawer__body') ?? null;
        if (first) revealIn(body, document.getElementById(`${formId}-${first.key}`)?.closest('.field') ?? null);
        else body?.scrollTo({ top: 0, behavior: 'smooth' });
      });
    } finally {
      setBusy(false);
    }
  };

  const title = record ? record.title || `Untitled ${noun}` : `New ${noun}`;
  const subtitle = record ? (
    <>
      <span title={formatAbsoluteTime(record.updatedAt)}>Updated {formatRelativeTime(record.updatedAt)}</span>
      <span aria-hidden="true"> · </span>
      <span title={formatAbsoluteTime(record.createdAt)}>created {formatRelativeTime(record.createdAt)}</span>
    </>
  ) : (
    type.description || undefined
  );

  return (
    <Drawer
      eyebrow={record ? type.label.singular : type.label.plural}
      title={title}
      subtitle={subtitle}
      onClose={onClose}
      busy={busy}
      footer={
        <>
          {record && canWrite ? (
            <button type="button" className="btn btn--ghost dt-danger-text" onClick={() => setDeleting(true)}>
              <Trash2 aria-hidden="true" />
              Delete
            </button>
          ) : null}
          <span className="dt-grow" />
          <button type="button" className="btn" onClick={onClose}>
            {readOnly ? 'Close' : 'Cancel'}
          </button>
          {canWrite ? (
            <button type="submit" form={formId} className="btn btn--primary" disabled={busy}>
              {busy ? 'Saving…' : record ? 'Save changes' : `Create ${noun}`}
            </button>
          ) : null}
        </>
      }
    >
      <form id={formId} className="dt-record-form" onSubmit={submit} noValidate>
        {problem ? (
          <div className="sh-callout sh-callout--danger" role="alert">
            {problem.conflict ? `Someone else changed this ${noun} meanwhile. Close the panel and open it again to see their change.` : sentence(problem.message)}
            {problem.list.length ? (
              <ul className="dt-callout-list">
                {problem.list.map((m) => (
                  <li key={m}>{sentence(m)}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <fieldset className="sh-bare-fieldset dt-record-form__fields" disabled={readOnly}>
          <legend className="visually-hidden">{title}</legend>
          {type.fields.map((f) => (
            <FieldControl key={f.key} id={`${formId}-${f.key}`} field={f} typeKey={type.key} value={form[f.key] ?? null} error={errors[f.key] ?? null} types={types} readOnly={readOnly} onChange={(v) => set(f.key, v)} onError={(m) => setErrors((e) => (m ? { ...e, [f.key]: m } : e))} />
          ))}
        </fieldset>
        <div className="dt-record-form__system">
          {record ? (
            <dl className="dt-facts">
              <div>
                <dt>Record id</dt>
                <dd className="mono">{record.id}</dd>
              </div>
              <div>
                <dt>External id</dt>
                <dd className="mono">{record.externalId ?? <span className="muted">None</span>}</dd>
              </div>
            </dl>
          ) : canWrite ? (
            <FormField id={`${formId}-externalId`} label="External id" help="Optional: the record's id in another system, for imports and the API to find it by.">
              <input
                className="input mono"
                {...controlAria(`${formId}-externalId`, 'help', null)}
                value={externalId}
                maxLength={200}
                spellCheck={false}
                autoCapitalize="off"
                onChange={(e) => setExternalId(e.target.value)}
              />
            </FormField>
          ) : null}
        </div>
      </form>
      {record ? <DeleteRecordDialog open={deleting} type={type} record={record} onClose={() => setDeleting(false)} onDeleted={onClose} /> : null}
    </Drawer>
  );
}

function FieldControl({
  id,
  field,
  typeKey,
  value,
  error,
  types,
  readOnly,
  onChange,
  onError,
}: {
  id: string;
  field: FieldDef;
  typeKey: string;
  value: FormValue;
  error: string | null;
  types: readonly TypeSummary[];
  readOnly: boolean;
  onChange: (v: FormValue) => void;
  onError: (message: string | null) => void;
}) {
  const help = field.description || undefined;
  const aria = controlAria(id, help, error);
  const badge = field.internal ? (
    <span className="badge badge--warn" title="Never shown in a portal">
      Internal
    </span>
  ) : null;
  const frame = (control: ReactNode, group = false) => (
    <FormField id={id} label={field.label} help={help} error={error} required={field.required} badge={badge} group={group}>
      {control}
    </FormField>
  );
  const text = typeof value === 'string' ? value : '';
  switch (field.type) {
    case 'longText':
      return frame(<textarea className="textarea" {...aria} value={text} maxLength={field.maxLength} rows={4} onChange={(e) => onChange(e.target.value)} />);
    case 'number':
      return frame(
        <input
          className="input dt-input--number"
          type="text"
          inputMode={field.integer ? 'numeric' : 'decimal'}
          {...aria}
          value={text}
          placeholder={[field.min !== undefined ? `≥ ${field.min}` : '', field.max !== undefined ? `≤ ${field.max}` : ''].filter(Boolean).join(', ') || undefined}
          onChange={(e) => onChange(e.target.value)}
        />,
      );
    case 'money': {
      const m = value as MoneyInput;
      return frame(
        <div className="dt-money">
          <input className="input dt-input--number" type="text" inputMode="decimal" {...aria} value={m.amount} onChange={(e) => onChange({ ...m, amount: e.target.value })} />
          {field.currency ? (
            <span className="dt-money__currency mono" aria-label={`in ${field.currency}`}>
              {field.currency}
            </span>
          ) : (
            <input
              className="input mono dt-money__code"
              aria-label={`${field.label} currency`}
              value={m.currency}
              maxLength={3}
              placeholder="EUR"
              onChange={(e) => onChange({ ...m, currency: e.target.value.toUpperCase() })}
            />
          )}
        </div>,
      );
    }
    case 'date':
      return frame(<input className="input dt-input--date" type="date" {...aria} value={text} onChange={(e) => onChange(e.target.value)} />);
    case 'datetime':
      return frame(<input className="input dt-input--date" type="datetime-local" {...aria} value={text} onChange={(e) => onChange(e.target.value)} />);
    case 'boolean':
      return (
        <div className={`field dt-bool${error ? ' dt-field--invalid' : ''}`}>
          <label className="checkbox">
            <input type="checkbox" className="dt-checkbox" {...aria} checked={value === true} onChange={(e) => onChange(e.target.checked)} />
            <span className="field__label">{field.label}</span>
            {badge}
          </label>
          {help ? (
            <span id={`${id}-help`} className="field__help">
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
    case 'enum':
      return frame(
        <select className="select" {...aria} value={text} onChange={(e) => onChange(e.target.value)}>
          <option value="">{field.required ? 'Choose…' : 'None'}</option>
          {text && !field.options.some((o) => o.value === text) ? <option value={text}>{text}</option> : null}
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>,
      );
    case 'email':
      return frame(<input className="input" type="email" autoComplete="off" {...aria} value={text} onChange={(e) => onChange(e.target.value)} />);
    case 'phone':
      return frame(<input className="input" type="tel" autoComplete="off" {...aria} value={text} onChange={(e) => onChange(e.target.value)} />);
    case 'url':
      return frame(<input className="input" type="url" placeholder="https://" {...aria} value={text} onChange={(e) => onChange(e.target.value)} />);
    case 'address': {
      const a = value as AddressInput;
      return frame(
        <div className="dt-address" role="group" aria-labelledby={`${id}-label`} aria-describedby={aria['aria-describedby']}>
          {ADDRESS_PARTS.map((p) => (
            <label key={p.key} className={`dt-address__part dt-address__part--${p.key}`}>
              <span className="dt-address__label">{p.label}</span>
              <input
                className={`input${p.key === 'country' ? ' mono' : ''}`}
                value={a[p.key]}
                autoComplete="off"
                maxLength={p.key === 'country' ? 2 : p.key === 'postalCode' ? 20 : 200}
                aria-invalid={error ? true : undefined}
                onChange={(e) => onChange({ ...a, [p.key]: p.key === 'country' ? e.target.value.toUpperCase() : e.target.value })}
              />
            </label>
          ))}
        </div>,
        true,
      );
    }
    case 'relation':
    case 'relations': {
      const target = types.find((t) => t.key === field.target);
      const ids = field.type === 'relation' ? (typeof value === 'string' && value ? [value] : []) : Array.isArray(value) ? value : [];
      return frame(
        <RecordPicker
          id={id}
          target={field.target}
          targetLabel={target ? target.label : { singular: field.target, plural: field.target }}
          value={ids}
          multiple={field.type === 'relations'}
          labelledBy={`${id}-label`}
          describedBy={aria['aria-describedby']}
          invalid={Boolean(error)}
          disabled={readOnly}
          onChange={(next) => onChange(field.type === 'relation' ? (next[0] ?? null) : next)}
        />,
        true,
      );
    }
    case 'file':
      return frame(
        <FileField
          id={id}
          field={field}
          typeKey={typeKey}
          value={value && typeof value === 'object' && 'id' in value ? (value as StoredFile) : null}
          disabled={readOnly}
          labelledBy={`${id}-label`}
          describedBy={aria['aria-describedby']}
          onChange={(f) => onChange(f)}
          onError={onError}
        />,
        true,
      );
    default:
      return frame(<input className="input" type="text" {...aria} value={text} maxLength={field.maxLength} onChange={(e) => onChange(e.target.value)} />);
  }
}

function DeleteRecordDialog({ open, type, record, onClose, onDeleted }: { open: boolean; type: TypeSummary; record: RecordView; onClose: () => void; onDeleted: () => void }) {
  const refresh = useRefreshData();
  const noun = type.label.singular.toLowerCase();
  // A 409 names the records that link to this one: the dialog shows it as the server says it.
  const remove = async () => {
    await api.records.delete.mutate({ type: type.key, id: record.id });
    toast(`Deleted ${record.title || noun}`);
    onClose();
    onDeleted();
    await refresh();
  };
  return (
    <ConfirmDialog open={open} title={`Delete ${record.title || `this ${noun}`}?`} confirmLabel={`Delete ${noun}`} busyLabel="Deleting…" onClose={onClose} onConfirm={remove}>
      <p>The {noun} is deleted for every portal. This cannot be undone.</p>
    </ConfirmDialog>
  );
}
