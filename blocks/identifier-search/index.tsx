// Identifier search: an end user finds one of their records by its identifiers — a contract by its
// number and postcode, say — and is taken to its page. The server matches every configured field
// exactly (trimmed, case-insensitive) within the user's read scope, answers "not found" the same way
// whether the record does not exist or belongs to someone else, and allows 10 attempts per user
// per 15 minutes (server/actions/data-blocks.ts).
import { useState, type FormEvent, type ReactNode } from 'react';
import { z } from 'zod';
import type { FieldInfo, FieldType, RecordResult } from '../../core';
import { BuilderSample, EmptyState } from '../_lib/data-kit';
import { defineBlock, type RenderProps } from '../_lib/define-block';
import { FieldInput } from '../_lib/field-input';
import { useAction } from '../_lib/use-action';
import { portalPathOrEmpty } from '../entity-form';

export const MAX_SEARCH_FIELDS = 4;
/** Route parameter no page can have (names start with a letter): the data request then loads the fields' labels only, never a record. */

export const identifierSearchProps = z
  .object({
    entityType: z.string().trim().max(40).default('contract').meta({ label: 'Data type', widget: 'entity-type' }),
    fields: z
      .array(z.string().trim().min(1).max(60).meta({ label: 'Field', widget: 'field', entityProp: 'entityType' }))
      .min(1, 'choose at least one identifier field')
      .max(MAX_SEARCH_FIELDS, `use at most ${MAX_SEARCH_FIELDS} fields`)
      .default(['number', 'postcode'])
      .meta({ label: 'Find by', help: 'Identifier fields (1–4). A record is found only when every one matches.' }),
    heading: z.string().trim().max(120).default('Find your contract').meta({ label: 'Heading' }),
    intro: z.string().trim().max(500).default('Enter your contract number and postcode as they appear on your letters.').meta({ widget: 'textarea', label: 'Introduction' }),
    resultPath: portalPathOrEmpty.default('/contracts/:id').meta({ widget: 'page-link', label: 'Open the record on', help: 'The record’s page; :id is replaced by its id, e.g. /contracts/:id.' }),
    notFoundText: z
      .string()
      .trim()
      .min(1, 'say what users see when nothing matches')
      .max(300)
      .default('We could not find a record with these details. Check them and try again.')
      .meta({ widget: 'textarea', label: 'When nothing matches' }),
  })
  .strict();
export type IdentifierSearchProps = z.output<typeof identifierSearchProps>;

export const findInput = z.object({ values: z.record(z.string().max(60), z.string().max(200)) }).strict();

/** How a search field is typed: numbers as text (they are compared as typed), choices as a select. */
const SEARCH_TYPES: ReadonlySet<FieldType> = new Set(['text', 'email', 'phone', 'enum']);
const asSearchField = (f: FieldInfo): FieldInfo => ({ ...f, type: SEARCH_TYPES.has(f.type) ? f.type : 'text', required: true, editable: true });

function IdentifierSearch({ id, props, data, ctx }: RenderProps<IdentifierSearchProps>) {
  const action = useAction(ctx, id, 'find');
  const [values, setValues] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<Record<string, string>>({});
  const frame = (body: ReactNode) => (
    <section className="pb-identifier-search pd-panel" aria-labelledby={props.heading ? `${id}-h` : undefined}>
      {props.heading ? (
        <h2 className="pd-heading" id={`${id}-h`}>
          {props.heading}
        </h2>
      ) : null}
      {props.intro ? <p className="pb-identifier-search__intro">{props.intro}</p> : null}
      {body}
    </section>
  );

  if (ctx.mode === 'builder') {
    return frame(
      <BuilderSample title={`Search · ${props.entityType || 'choose a data type'}`}>
        {`Users enter ${props.fields.join(' and ')}; when every one matches one of their own records, ${props.resultPath ? `${props.resultPath} opens` : 'they are told it was found'}. 10 attempts per user per 15 minutes.`}
      </BuilderSample>,
    );
  }
  const result = data as RecordResult | { kind: 'error'; message: string } | null | undefined;
  if (result === undefined) return frame(<EmptyState>This search is not set up yet.</EmptyState>);
  if (result === null) return frame(<EmptyState>This search is not available.</EmptyState>);
  if (result.kind === 'error') return frame(<EmptyState>{result.message}</EmptyState>);
  const fields = props.fields.map((key) => result.fields.find((f) => f.key === key));
  if (fields.some((f) => !f)) return frame(<EmptyState>This search is not available for your account.</EmptyState>);
  const inputs = (fields as FieldInfo[]).map(asSearchField);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (action.pending) return;
    const empty: Record<string, string> = {};
    for (const f of inputs) if (!(values[f.key] ?? '').trim()) empty[f.key] = `Enter the ${f.label.toLowerCase()}.`;
    setMissing(empty);
    const first = inputs.find((f) => empty[f.key]);
    if (first) {
      action.reset();
      document.getElementById(`${id}-q-${first.key}`)?.focus();
      return;
    }
    await action.run({ values: Object.fromEntries(inputs.map((f) => [f.key, (values[f.key] ?? '').trim()])) });
  };

  const outcome = action.outcome;
  // Found without a result page: a record id comes back. Not found: a message and no id.
  const notFound = outcome?.ok && !outcome.redirect && !outcome.recordId ? outcome.message : null;
  const found = outcome?.ok && outcome.recordId && !outcome.redirect ? outcome.message : null;
  return frame(
    <form className="pb-identifier-search__form" role="search" noValidate onSubmit={onSubmit} aria-label={props.heading || `Find a ${result.label.singular.toLowerCase()}`}>
      <div className={`pb-identifier-search__fields pb-identifier-search__fields--${inputs.length}`}>
        {inputs.map((f) => (
          <FieldInput
            key={f.key}
            field={f}
            id={`${id}-q-${f.key}`}
            value={values[f.key] ?? ''}
            error={missing[f.key] ?? action.issues[f.key]}
            onChange={(v) => {
              setValues((prev) => ({ ...prev, [f.key]: typeof v === 'string' ? v : '' }));
              if (missing[f.key]) setMissing((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => k !== f.key)));
            }}
          />
        ))}
      </div>
      <div className="pd-actions">
        <button type="submit" className="pb-btn pb-btn--primary" disabled={action.pending}>
          {action.pending ? 'Searching…' : 'Find'}
        </button>
      </div>
      <div role="status" className="pb-identifier-search__status">
        {notFound ? <p className="pd-message pb-identifier-search__not-found">{notFound}</p> : null}
        {found ? <p className="pd-message pd-message--ok">{found}</p> : null}
      </div>
      {outcome && !outcome.ok ? (
        <p className="pd-message pd-message--error" role="alert">
          {outcome.message}
        </p>
      ) : null}
    </form>,
  );
}

export const identifierSearch = defineBlock({
  type: 'identifier-search',
  label: 'Find a record',
  description: 'Users find one of their records by its identifiers, like a contract number and postcode.',
  category: 'data',
  icon: 'search',
  props: identifierSearchProps,
  requires: (p) => [{ entity: p.entityType, op: 'read' }],
  // Labels and types of the search fields as the viewer may read them; no record is loaded.
  data: (p) => (p.entityType ? { kind: 'fields', entityType: p.entityType, fields: p.fields } : null),
  actions: {
    find: { label: 'Find', input: findInput, requires: (p) => [{ entity: p.entityType, op: 'read' }] },
  },
  Render: IdentifierSearch,
});
