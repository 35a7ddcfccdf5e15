// Support cases. Mode "list": the company's cases in the viewer's scope (number, subject, status,
// priority, last update) linking to the case page, and a "New case" form for users with
// cases.create. Mode "detail" (a page with :id): the conversation on that case, oldest first,
// customer and support messages told apart, and a reply form for users with cases.comment. The
// case's own fields are the entity-detail block's job on the same page. The server decides the
// case number, status, account and contact (server/actions/account.ts).
import { useEffect, useId, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { typeKeySchema, type FieldInfo, type ListResult, type RecordRow } from '../../core';
import { BuilderSample, EmptyState, formatDate, formatDateTime, formatValue, StatusBadge } from '../_lib/data-kit';
import { useFormToggle } from '../_lib/disclosure';
import { FormFooter } from '../_lib/form-footer';
import { defineBlock, type RenderContext, type RenderProps } from '../_lib/define-block';
import { FieldInput } from '../_lib/field-input';
import { isPortalPath } from '../_lib/safe-href';
import { useAction } from '../_lib/use-action';

/** The categories a case may have when the type does not say (the conventional enum). */
const DEFAULT_CATEGORIES = [
  { value: 'billing', label: 'Billing' },
  { value: 'technical', label: 'Technical' },
  { value: 'contract', label: 'Contract' },
  { value: 'other', label: 'Other' },
];

export const LIST_FIELDS = ['number', 'subject', 'status', 'priority', 'category'] as const;
export const COMMENT_FIELDS = ['body', 'authorName', 'fromCustomer'] as const;

const REPLY_FIELD: FieldInfo = { key: 'body', label: 'Your message', type: 'longText', required: true, editable: true, maxLength: 10_000 };

const paramSchema = z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'a route parameter name like id');

export const casesProps = z
  .object({
    mode: z.enum(['list', 'detail']).default('list').meta({ label: 'Shows', help: '"list": the company’s cases and a form for a new one. "detail": the messages on the case of a page like /cases/:id.' }),
    heading: z.string().trim().max(120).default('').meta({ label: 'Heading', help: 'Empty: “Your support cases” (list) or “Messages” (detail).' }),
    entityType: typeKeySchema.default('case').meta({ widget: 'entity-type', label: 'Case type' }),
    commentType: typeKeySchema.default('case_comment').meta({ widget: 'entity-type', label: 'Comment type', help: 'Detail mode: the type of the messages on a case (relation field "case").' }),
    detailPath: z
      .string()
      .trim()
      .max(300)
      .refine((v) => v === '' || isPortalPath(v), 'a portal page like /cases/:id')
      .default('/cases/:id')
      .meta({ widget: 'page-link', label: 'Case page', help: 'List mode: where a case opens; :id is replaced by the case.' }),
    param: paramSchema.default('id').meta({ label: 'Route parameter', help: 'Detail mode: the parameter of the page’s path that names the case.' }),
    pageSize: z.number().int().min(1).max(100).default(20).meta({ label: 'Cases shown' }),
    allowNew: z.boolean().default(true).meta({ label: 'Offer “New case”', help: 'Shown to users whose role grants cases.create.' }),
  })
  .strict();
export type CasesProps = z.output<typeof casesProps>;

export const newCaseInput = z
  .object({
    subject: z.string().trim().min(1, 'Enter a subject.').max(200, 'At most 200 characters.'),
    category: z.string().trim().max(60).optional(),
    description: z.string().trim().min(1, 'Describe what we can help with.').max(10_000, 'At most 10,000 characters.'),
  })
  .strict();
export const commentInput = z.object({ body: z.string().trim().min(1, 'Write a message first.').max(10_000, 'At most 10,000 characters.') }).strict();

/** The page of one record: `/cases/:id` with the id filled in, or null without a page. */
export function recordPath(detailPath: string, param: string, id: string): string | null {
  if (!detailPath) return null;
  const token = `:${param}`;
  return detailPath.includes(token) ? detailPath.replace(token, encodeURIComponent(id)) : null;
}

const asList = (data: unknown): ListResult | null | { kind: 'error'; message: string } =>
  data && typeof data === 'object' && 'kind' in data ? (data as ListResult | { kind: 'error'; message: string }) : null;

/** A form field described like the loader describes a record's fields (for FieldInput). */
const fieldOf = (key: string, label: string, type: FieldInfo['type'], extra: Partial<FieldInfo> = {}): FieldInfo => ({ key, label, type, required: true, editable: true, ...extra });

function NewCaseForm({ id, ctx, fields, onClose }: { id: string; ctx: RenderContext; fields: Map<string, FieldInfo>; onClose: () => void }) {
  const uid = useId();
  const action = useAction(ctx, id, 'create');
  const category = fields.get('category');
  const categories = category ? (category.options?.length ? category.options : DEFAULT_CATEGORIES) : null;
  const form = {
    subject: fieldOf('subject', fields.get('subject')?.label ?? 'Subject', 'text', { maxLength: 200 }),
    category: categories ? fieldOf('category', category?.label ?? 'Category', 'enum', { options: categories }) : null,
    description: fieldOf('description', 'Description', 'longText', { maxLength: 10_000 }),
  };
  const [values, setValues] = useState<Record<string, string>>({ subject: '', category: categories?.[0]?.value ?? '', description: '' });
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors: Record<string, string | undefined> = { ...action.issues, ...local };
  const set = (key: string) => (v: unknown) => setValues((prev) => ({ ...prev, [key]: typeof v === 'string' ? v : '' }));
  // Opened by a button: the keyboard continues in the form's first field.
  useEffect(() => document.getElementById(`${uid}-subject`)?.focus(), [uid]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!values.subject!.trim()) problems.subject = 'Enter a subject.';
    if (form.category && !values.category) problems.category = 'Choose a category.';
    if (!values.description!.trim()) problems.description = 'Describe what we can help with.';
    setLocal(problems);
    if (Object.keys(problems).length) return;
    const outcome = await action.run({ subject: values.subject, description: values.description, ...(form.category ? { category: values.category } : {}) });
    if (outcome.ok) setValues((prev) => ({ ...prev, subject: '', description: '' }));
  };

  return (
    <form className="pb-cases__form" onSubmit={submit} noValidate aria-labelledby={`${uid}-title`}>
      <h3 className="pb-cases__form-title" id={`${uid}-title`}>
        New case
      </h3>
      <FieldInput id={`${uid}-subject`} field={form.subject} value={values.subject} onChange={set('subject')} error={errors.subject} />
      {form.category ? <FieldInput id={`${uid}-category`} field={form.category} value={values.category} onChange={set('category')} error={errors.category} /> : null}
      <FieldInput
        id={`${uid}-description`}
        field={form.description}
        value={values.description}
        onChange={set('description')}
        error={errors.description}
        hint="What happened, and what you would like us to do. Please leave out passwords and bank details."
      />
      <FormFooter action={action} label="Open case" busyLabel="Sending…" onCancel={onClose} />
    </form>
  );
}

function CaseList({ id, props, data, can, ctx }: RenderProps<CasesProps> & { data: ListResult }) {
  const { open, show, close, toggleRef } = useFormToggle();
  const uid = useId();
  const byKey = new Map(data.fields.map((f) => [f.key, f]));
  const columns = (['number', 'subject', 'status', 'priority'] as const).map((k) => byKey.get(k)).filter((f): f is FieldInfo => !!f);
  const mayCreate = props.allowNew && can?.create === true;
  const heading = props.heading || 'Your support cases';

  const cell = (f: FieldInfo, row: RecordRow) => {
    const value = row.data[f.key];
    if (f.key === 'subject') {
      const text = typeof value === 'string' && value ? value : row.title || 'Untitled case';
      const path = recordPath(props.detailPath, props.param, row.id);
      return path ? <a href={ctx.href(path)}>{text}</a> : text;
    }
    if (value === null || value === undefined || value === '') return <span className="pd-none">—</span>;
    if (f.type === 'enum') return <StatusBadge value={String(value)} label={formatValue(f, value, ctx.locale)} />;
    return formatValue(f, value, ctx.locale, data.titles);
  };

  return (
    <section className="pb-cases" aria-labelledby={`${uid}-h`}>
      <div className="pb-cases__head">
        <h2 className="pb-cases__title" id={`${uid}-h`}>
          {heading}
        </h2>
        {mayCreate && !open ? (
          <button ref={toggleRef} type="button" className="pb-btn pb-btn--primary pb-btn--small" aria-expanded={false} onClick={show}>
            New case
          </button>
        ) : null}
      </div>
      {mayCreate && open ? <NewCaseForm id={id} ctx={ctx} fields={byKey} onClose={close}
        /> : null}
      {data.items.length === 0 ? (
        <EmptyState>You have no support cases. {mayCreate ? 'Open one with “New case” when you need help.' : ''}</EmptyState>
      ) : (
        <div className="pb-cases__table-wrap">
          <table className="pb-cases__table">
            <caption className="pb-sr-only">{heading}</caption>
            <thead>
              <tr>
                {columns.map((f) => (
                  <th key={f.key} scope="col">
                    {f.label}
                  </th>
                ))}
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((row) => (
                <tr key={row.id}>
                  {columns.map((f) => (
                    <td key={f.key} data-label={f.label} className={`pb-cases__cell pb-cases__cell--${f.key}`}>
                      {cell(f, row)}
                    </td>
                  ))}
                  <td data-label="Updated" className="pb-cases__cell pb-cases__cell--updated">
                    <time dateTime={row.updatedAt}>{formatDate(row.updatedAt.slice(0, 10), ctx.locale)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Conversation({ id, props, data, can, ctx }: RenderProps<CasesProps> & { data: ListResult }) {
  const uid = useId();
  const action = useAction(ctx, id, 'comment');
  const [body, setBody] = useState('');
  const [local, setLocal] = useState<string | undefined>();
  const error = local ?? action.issues.body;
  const heading = props.heading || 'Messages';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) {
      setLocal('Write a message first.');
      return;
    }
    setLocal(undefined);
    const outcome = await action.run({ body });
    if (outcome.ok) setBody('');
  };

  return (
    <section className="pb-cases pb-cases--detail" aria-labelledby={`${uid}-h`}>
      <h2 className="pb-cases__title" id={`${uid}-h`}>
        {heading}
      </h2>
      {data.items.length === 0 ? (
        <EmptyState>No messages yet.</EmptyState>
      ) : (
        <ol className="pb-cases__thread">
          {data.items.map((row) => {
            const fromCustomer = row.data.fromCustomer === true;
            const author = typeof row.data.authorName === 'string' && row.data.authorName ? row.data.authorName : fromCustomer ? 'Customer' : 'Customer service';
            const text = typeof row.data.body === 'string' ? row.data.body : '';
            return (
              <li key={row.id} className={`pb-cases__message pb-cases__message--${fromCustomer ? 'customer' : 'support'}`}>
                <p className="pb-cases__meta">
                  <span className="pb-cases__author">{author}</span>
                  <span className="pb-cases__role">{fromCustomer ? 'Customer' : 'Support'}</span>
                  <time className="pb-cases__time" dateTime={row.updatedAt}>
                    {formatDateTime(row.updatedAt, ctx.locale)}
                  </time>
                </p>
                <p className="pb-cases__body">{text.trim()}</p>
              </li>
            );
          })}
        </ol>
      )}
      {can?.comment ? (
        <form className="pb-cases__reply" onSubmit={submit} noValidate>
          <FieldInput id={`${uid}-body`} field={REPLY_FIELD} value={body} onChange={(v) => setBody(typeof v === 'string' ? v : '')} error={error} />
          <FormFooter action={action} label="Send message" busyLabel="Sending…" />
        </form>
      ) : null}
    </section>
  );
}

function Cases(p: RenderProps<CasesProps>) {
  const { props, ctx } = p;
  if (ctx.mode === 'builder' || p.data === undefined) {
    return (
      <div className="pb-cases">
        {props.mode === 'list' ? (
          <BuilderSample title={props.heading || 'Your support cases'}>
            Lists the company’s support cases (number, subject, status, priority, last update), each linking to {props.detailPath || 'no page'}. Users whose role grants
            cases.create get a “New case” form; the case number, status and links are set by the server. Needs read access to “{props.entityType}”.
          </BuilderSample>
        ) : (
          <BuilderSample title={props.heading || 'Messages'}>
            Shows the messages on the case of this page (“{props.commentType}” records whose “case” is :{props.param}), oldest first, and a reply form for users whose
            role grants cases.comment. Put it on a page like /cases/:{props.param}.
          </BuilderSample>
        )}
      </div>
    );
  }
  const data = asList(p.data);
  if (!data) return <div className="pb-cases"><EmptyState>Sign in to see your support cases.</EmptyState></div>;
  if (data.kind === 'error') return <div className="pb-cases"><EmptyState>{data.message}</EmptyState></div>;
  return props.mode === 'list' ? <CaseList {...p} data={data} /> : <Conversation {...p} data={data} />;
}

export const cases = defineBlock({
  type: 'cases',
  label: 'Support cases',
  description: 'The company’s support cases with a “New case” form, or the messages on one case with a reply form.',
  category: 'self-service',
  icon: 'life-buoy',
  props: casesProps,
  requires: (p) => (p.mode === 'list' ? [{ entity: p.entityType, op: 'read' }] : [{ entity: p.entityType, op: 'read' }, { entity: p.commentType, op: 'read' }]),
  data: (p) =>
    p.mode === 'list'
      ? { kind: 'list', entityType: p.entityType, fields: [...LIST_FIELDS], limit: p.pageSize, sort: [{ field: 'updatedAt', dir: 'desc' }] }
      : { kind: 'list', entityType: p.commentType, fields: [...COMMENT_FIELDS], limit: 200, sort: [{ field: 'createdAt', dir: 'asc' }], related: { field: 'case', param: p.param } },
  actions: {
    create: { label: 'Open a case', input: newCaseInput, requires: () => [{ action: 'cases.create' }] },
    comment: { label: 'Reply on a case', input: commentInput, requires: () => [{ action: 'cases.comment' }] },
  },
  Render: Cases,
});
