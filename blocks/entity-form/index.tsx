// Form: a portal user creates a record of a type, or edits the one named in the page address. The
// server decides which fields the viewer may edit (the form's data) and, on submit, accepts exactly
// those of the configured fields — links to the account and contact, owners, internal and unlisted
// fields are refused with the field named (server/actions/data-blocks.ts). Required fields are
// checked here first; the record layer's per-field messages come back and show next to each field.
import { useState, type FormEvent, type ReactNode } from 'react';
import { z } from 'zod';
import type { FieldInfo, FormResult, RecordRow } from '../../core';
import { BuilderSample, EmptyState, FieldValue } from '../_lib/data-kit';
import { defineBlock, type RenderContext, type RenderProps } from '../_lib/define-block';
import { FieldInput, hasInput, isBlank, toSubmitValue } from '../_lib/field-input';
import { isPortalPath, isSafeHref } from '../_lib/safe-href';
import { useAction, type ActionState } from '../_lib/use-action';

/** A portal page to open afterwards; `:id` stands for the record. Empty: stay on the page. */
export const portalPathOrEmpty = z
  .string()
  .trim()
  .max(500)
  .refine((v) => v === '' || (isPortalPath(v) && isSafeHref(v)), 'a portal page starting with "/", like /contracts/:id');

export const entityFormProps = z
  .object({
    entityType: z.string().trim().max(40).default('case').meta({ label: 'Data type', widget: 'entity-type' }),
    mode: z.enum(['create', 'edit']).default('create').meta({ label: 'The form', help: 'Create: a new record. Edit: the record whose id is in the page address.' }),
    param: z
      .string()
      .trim()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'a parameter name of the page address, like id')
      .default('id')
      .meta({ label: 'Record id from', help: 'Edit forms: the page address parameter holding the record id (id in /contracts/:id).' }),
    fields: z
      .array(z.string().trim().min(1).max(60).meta({ label: 'Field', widget: 'field', entityProp: 'entityType' }))
      .max(40)
      .default(['subject', 'category', 'description'])
      .meta({ label: 'Fields', help: 'Shown to users whose role lets them edit the field. Empty: every field they may edit.' }),
    heading: z.string().trim().max(120).default('').meta({ label: 'Heading' }),
    submitLabel: z.string().trim().max(60).default('').meta({ label: 'Button text', help: 'Empty: “Send” for new records, “Save changes” for edits.' }),
    successMessage: z.string().trim().max(300).default('').meta({ widget: 'textarea', label: 'Message after saving' }),
    successPath: portalPathOrEmpty.default('').meta({ widget: 'page-link', label: 'Page after saving', help: 'Optional. :id is replaced by the saved record’s id, e.g. /cases/:id.' }),
  })
  .strict();
export type EntityFormProps = z.output<typeof entityFormProps>;

export const submitInput = z.object({ data: z.record(z.string(), z.unknown()), baseRevision: z.number().int().optional() }).strict();

type Values = Record<string, unknown>;

const fieldId = (blockId: string, key: string) => `${blockId}-f-${key}`;
const buttonText = (p: EntityFormProps) => p.submitLabel || (p.mode === 'create' ? 'Send' : 'Save changes');

function initialValues(fields: readonly FieldInfo[], record: RecordRow | null): Values {
  const out: Values = {};
  for (const f of fields) {
    const v = record?.data[f.key];
    out[f.key] = v === undefined ? (f.type === 'boolean' ? false : null) : v;
  }
  return out;
}

const same = (f: FieldInfo, a: unknown, b: unknown) => JSON.stringify(toSubmitValue(f, a) ?? null) === JSON.stringify(toSubmitValue(f, b) ?? null);

/** The fields the form edits and the data to send: create sends what is filled in, edit only what changed. */
export function formPayload(mode: 'create' | 'edit', inputs: readonly FieldInfo[], values: Values, record: RecordRow | null): Values {
  const data: Values = {};
  for (const f of inputs) {
    const v = toSubmitValue(f, values[f.key]);
    if (mode === 'create') {
      if (v !== null) data[f.key] = v;
    } else if (!same(f, values[f.key], record?.data[f.key])) data[f.key] = v;
  }
  return data;
}

/** Required fields left empty, as field → message. */
export function missingRequired(inputs: readonly FieldInfo[], values: Values): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of inputs) if (f.required && isBlank(f, values[f.key])) out[f.key] = `${f.label} is required.`;
  return out;
}

/** "Subject is required." stays as it is; "at most 500 characters" becomes "Subject: at most 500 characters". */
const summaryText = (field: FieldInfo | null, message: string) => (!field || message.startsWith(field.label) ? message : `${field.label}: ${message}`);

function FormBody({
  blockId,
  props,
  data,
  ctx,
  action,
  allowed,
  onSaved,
}: {
  blockId: string;
  props: EntityFormProps;
  data: FormResult;
  ctx: RenderContext;
  action: ActionState;
  allowed: boolean;
  onSaved: () => void;
}) {
  const inputs = data.fields.filter((f) => f.editable && hasInput(f.type));
  const readOnly = data.mode === 'edit' ? data.fields.filter((f) => !inputs.includes(f)) : [];
  const [values, setValues] = useState<Values>(() => initialValues(inputs, data.record));
  const [local, setLocal] = useState<Record<string, string>>({});
  // Fields changed since the server's answer: its message for them is no longer current.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const [note, setNote] = useState('');

  const errorOf = (key: string) => local[key] ?? (edited.has(key) ? undefined : action.issues[key]);
  const summary: { field: FieldInfo | null; message: string }[] = Object.keys(local).length
    ? inputs.filter((f) => local[f.key]).map((f) => ({ field: f, message: local[f.key]! }))
    : action.outcome && !action.outcome.ok
      ? (action.outcome.issues ?? []).map((i) => ({ field: data.fields.find((f) => f.key === i.field) ?? null, message: i.field && !data.fields.some((f) => f.key === i.field) ? `${i.field}: ${i.message}` : i.message }))
      : [];

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (action.pending || !allowed) return;
    setNote('');
    const missing = missingRequired(inputs, values);
    setLocal(missing);
    setEdited(new Set());
    const first = inputs.find((f) => missing[f.key]);
    if (first) {
      action.reset();
      document.getElementById(fieldId(blockId, first.key))?.focus();
      return;
    }
    const payload = formPayload(data.mode, inputs, values, data.record);
    if (data.mode === 'edit' && Object.keys(payload).length === 0) {
      action.reset();
      setNote('Nothing to save: no field was changed.');
      return;
    }
    const input = data.mode === 'edit' && data.record ? { data: payload, baseRevision: data.record.revision } : { data: payload };
    const outcome = await action.run(input);
    if (outcome.ok) onSaved();
  };

  const failed = action.outcome && !action.outcome.ok ? action.outcome : null;
  const hasSummary = summary.length > 0 || failed !== null;
  return (
    <form className="pb-entity-form__form" noValidate onSubmit={onSubmit} aria-busy={action.pending || undefined}>
      {hasSummary ? (
        <div className="pd-message pd-message--error pb-entity-form__summary" role="alert">
          <p className="pb-entity-form__summary-title">{summary.length ? (summary.length === 1 ? 'Please check this field:' : `Please check these ${summary.length} fields:`) : failed?.message}</p>
          {summary.length ? (
            <ul>
              {summary.map((s, i) => (
                <li key={i}>
                  {s.field && inputs.includes(s.field) ? (
                    <a href={`#${fieldId(blockId, s.field.key)}`}>{summaryText(s.field, s.message)}</a>
                  ) : (
                    <span>{summaryText(s.field, s.message)}</span>
                  )}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {readOnly.length && data.record ? (
        <dl className="pd-dl pb-entity-form__readonly">
          {readOnly.map((f) => (
            <div key={f.key} className="pb-entity-form__readonly-row">
              <dt>{f.label}</dt>
              <dd>
                <FieldValue field={f} row={data.record!} ctx={ctx} titles={data.titles} />
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <div className="pb-entity-form__fields">
        {inputs.map((f) => (
          <FieldInput
            key={f.key}
            field={f}
            id={fieldId(blockId, f.key)}
            value={values[f.key]}
            error={errorOf(f.key)}
            disabled={!allowed}
            onChange={(v) => {
              setValues((prev) => ({ ...prev, [f.key]: v }));
              setEdited((prev) => new Set(prev).add(f.key));
              if (local[f.key]) setLocal((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => k !== f.key)));
            }}
          />
        ))}
      </div>
      <div className="pd-actions pb-entity-form__actions">
        <button type="submit" className="pb-btn pb-btn--primary" disabled={action.pending || !allowed}>
          {action.pending ? 'Saving…' : buttonText(props)}
        </button>
        {inputs.some((f) => f.required) ? (
          <span className="pb-entity-form__legend">
            <span aria-hidden="true">*</span> required
          </span>
        ) : null}
      </div>
      {note ? <p className="pd-muted pb-entity-form__note">{note}</p> : null}
    </form>
  );
}

function EntityForm({ id, props, data, can, ctx }: RenderProps<EntityFormProps>) {
  const action = useAction(ctx, id, 'submit');
  // A new round after each save: a create form starts empty again, an edit form from the saved record.
  const [round, setRound] = useState(0);
  const heading = props.heading ? <h2 className="pd-heading">{props.heading}</h2> : null;
  const frame = (body: ReactNode) => (
    <section className="pb-entity-form pd-panel" aria-label={props.heading || undefined}>
      {heading}
      {body}
    </section>
  );

  if (ctx.mode === 'builder') {
    const what = props.mode === 'create' ? `Creates a new ${props.entityType || 'record'}` : `Edits the ${props.entityType || 'record'} whose id is “:${props.param}” in the page address`;
    return frame(
      <BuilderSample title={`Form · ${props.entityType || 'choose a data type'}`}>
        {`${what}. Fields: ${props.fields.length ? props.fields.join(', ') : 'every field the user may edit'}. Each user sees only the fields their role lets them edit.`}
      </BuilderSample>,
    );
  }
  const result = data as FormResult | { kind: 'error'; message: string } | null | undefined;
  if (result === undefined) return frame(<EmptyState>This form is not set up yet.</EmptyState>);
  if (result === null) return frame(<EmptyState>This form is not available.</EmptyState>);
  if (result.kind === 'error') return frame(<EmptyState>{result.message}</EmptyState>);
  const singular = result.label.singular.toLowerCase();
  // Missing, out of reach, or not within what this user may edit: an edit form has nothing to offer
  // then, and says nothing (the page's details block tells whether the record is there at all).
  if (result.mode === 'edit' && !result.record) return null;
  const inputs = result.fields.filter((f) => f.editable && hasInput(f.type));
  const allowed = can?.submit !== false;
  const ok = action.outcome?.ok ? action.outcome : null;
  return frame(
    <>
      {inputs.length === 0 ? (
        <EmptyState>{result.mode === 'create' ? `You cannot add a ${singular} here.` : `There is nothing here you may change.`}</EmptyState>
      ) : (
        <>
          {!allowed ? <p className="pd-muted">{`Your role does not allow ${result.mode === 'create' ? `adding a ${singular}` : `changing this ${singular}`}.`}</p> : null}
          <FormBody
            key={`${result.record?.id ?? 'new'}:${result.record?.revision ?? 0}:${round}`}
            blockId={id}
            props={props}
            data={result}
            ctx={ctx}
            action={action}
            allowed={allowed}
            onSaved={() => setRound((r) => r + 1)}
          />
        </>
      )}
      <div role="status" className="pb-entity-form__status">
        {ok ? <p className="pd-message pd-message--ok">{ok.message ?? 'Saved.'}</p> : null}
      </div>
    </>,
  );
}

export const entityForm = defineBlock({
  type: 'entity-form',
  label: 'Form',
  description: 'Lets users create a record, or edit the one the page shows, with the fields their role lets them edit.',
  category: 'data',
  icon: 'form',
  props: entityFormProps,
  // Shown only to users who may use it: a create form needs the create grant, an edit form an edit level.
  requires: (p) => [{ entity: p.entityType, op: p.mode === 'create' ? 'create' : 'edit' }],
  data: (p) => (p.entityType ? { kind: 'form', entityType: p.entityType, fields: p.fields, mode: p.mode, ...(p.mode === 'edit' ? { param: p.param } : {}) } : null),
  actions: {
    submit: {
      label: 'Save',
      input: submitInput,
      requires: (p) => [{ entity: p.entityType, op: p.mode === 'create' ? 'create' : 'edit' }],
    },
  },
  Render: EntityForm,
});
