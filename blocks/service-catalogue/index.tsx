// Service catalogue: items, plans and bundles a customer can request. Only catalogue items made
// visible (visible = true) are listed: the block's data request always adds that filter, whatever
// else is configured, and the server refuses to take a request for a hidden or unknown item. A
// request creates an order with its first steps (server/actions/commerce.ts), which the
// implementation-status block then shows.
import { useId, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { typeKeySchema, type ActionOutcome, type FieldInfo, type Filter, type ListResult, type RecordRow } from '../../core';
import { ActionMessage, BuilderSample, EmptyState } from '../_lib/data-kit';
import { errorOf, listOf, rowFields, sampleField } from '../_lib/row-fields';
import { useDisclosure } from '../_lib/disclosure';
import { choiceFilter, listEmptyText, listHeading, listLimit } from '../_lib/list-props';
import { ListSection } from '../_lib/list-section';
import { defineBlock, type RenderContext, type RenderProps } from '../_lib/define-block';
import { useAction } from '../_lib/use-action';

export const CATALOGUE_KINDS = ['item', 'plan', 'bundle'] as const;
export const CATALOGUE_FIELDS = ['name', 'kind', 'description', 'price', 'billing'] as const;
export const NOTES_MAX = 2000;
export const DEFAULT_STEPS = ['Request received', 'Planning', 'Installation', 'Handover'];
/** The filter every catalogue list carries: hidden items are never listed. */
export const VISIBLE_ONLY: Filter = { field: 'visible', op: 'eq', value: true };

export const serviceCatalogueProps = z
  .object({
    heading: listHeading('Add a service'),
    entityType: typeKeySchema.default('catalogue_item').meta({
      widget: 'entity-type',
      label: 'Catalogue item type',
      help: 'Uses the fields name, kind, description, price, billing and visible. Only items with visible switched on are listed.',
    }),
    kinds: choiceFilter(CATALOGUE_KINDS, [...CATALOGUE_KINDS], 'Show kinds', 'Empty: every kind.', 'Kind'),
    kindFilter: z.boolean().default(true).meta({ label: 'Let customers filter by kind' }),
    limit: listLimit(24, 'Items shown at most'),
    orderType: typeKeySchema.default('order').meta({ widget: 'entity-type', label: 'Order type', help: 'A request creates an order (number, name, status, progress, catalogueItem, requestedAt, notes).' }),
    stepType: typeKeySchema.default('order_step').meta({ widget: 'entity-type', label: 'Order step type', help: 'The steps of a new order (name, order, position, status).' }),
    steps: z
      .array(z.string().trim().min(1).max(80).meta({ label: 'Step' }))
      .min(1, 'an order needs at least one step')
      .max(12)
      .default(DEFAULT_STEPS)
      .meta({ label: 'Steps of a new order', help: 'The first is done when the request arrives, the second is the current one.' }),
    successPath: z
      .string()
      .trim()
      .max(200)
      .regex(/^(\/[A-Za-z0-9._~:/-]*)?$/, 'a portal path like /orders/:id')
      .default('')
      .meta({ label: 'After a request, open', help: 'A portal path; :id becomes the new order’s id (e.g. /orders/:id). Empty: stay on the page.' }),
    emptyText: listEmptyText('There is nothing to order at the moment.'),
  })
  .strict();
export type ServiceCatalogueProps = z.output<typeof serviceCatalogueProps>;

export const requestInput = z
  .object({
    itemId: z.string().min(1).max(64),
    notes: z.string().trim().max(NOTES_MAX, `use at most ${NOTES_MAX} characters`).optional(),
  })
  .strict();

const SAMPLE: ListResult = {
  kind: 'list',
  entityType: 'catalogue_item',
  label: { singular: 'Catalogue item', plural: 'Catalogue items' },
  fields: [
    sampleField('name', 'Name', 'text'),
    sampleField('kind', 'Kind', 'enum', { options: [{ value: 'item', label: 'Item' }, { value: 'plan', label: 'Plan' }, { value: 'bundle', label: 'Bundle' }] }),
    sampleField('description', 'Description', 'longText'),
    sampleField('price', 'Price', 'money'),
    sampleField('billing', 'Billing', 'enum', { options: [{ value: 'once', label: 'One-off' }, { value: 'monthly', label: 'Monthly' }] }),
  ],
  items: [
    { id: 'sample-1', title: 'Wallbox installation', data: { name: 'Wallbox installation', kind: 'item', description: '11 kW wallbox, installed and registered with the grid operator.', price: { amount: 1290, currency: 'EUR' }, billing: 'once' }, updatedAt: '', revision: 1 },
    { id: 'sample-2', title: 'Heat pump care', data: { name: 'Heat pump care', kind: 'plan', description: 'Yearly maintenance and priority repairs.', price: { amount: 14.5, currency: 'EUR' }, billing: 'monthly' }, updatedAt: '', revision: 1 },
    { id: 'sample-3', title: 'Solar starter bundle', data: { name: 'Solar starter bundle', kind: 'bundle', description: 'Panels, battery and the smart meter app.', price: { amount: 9800, currency: 'EUR' }, billing: 'once' }, updatedAt: '', revision: 1 },
  ],
  nextCursor: null,
  sort: [],
  search: '',
  titles: {},
};

type CardProps = { blockId: string; row: RecordRow; fields: FieldInfo[]; canRequest: boolean; ctx: RenderContext; onDone: (o: ActionOutcome) => void };

function ItemCard({ blockId, row, fields, canRequest, ctx, onDone }: CardProps) {
  const request = useAction(ctx, blockId, 'request');
  const { open, toggle: show, settle, triggerRef, targetRef: notesRef } = useDisclosure<HTMLTextAreaElement>();
  const [notes, setNotes] = useState('');
  const uid = useId();

  const { field, text } = rowFields(fields, row, ctx.locale);
  const name = row.title || text('name');
  const price = text('price');
  const billing = field('billing') ? (row.data.billing as string | undefined) : undefined;
  const toggle = (on: boolean) => {
    request.reset();
    show(on);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = notes.trim();
    void request.run({ itemId: row.id, ...(trimmed ? { notes: trimmed } : {}) }).then((o) => {
      if (!o.ok) return;
      settle();
      setNotes('');
      onDone(o);
    });
  };
  const notesError = request.issues.notes;

  return (
    <article className="pb-catalogue__card" aria-labelledby={`${uid}-name`}>
      {text('kind') ? <p className="pb-catalogue__kind">{text('kind')}</p> : null}
      <h3 className="pb-catalogue__name" id={`${uid}-name`}>
        {name}
      </h3>
      {text('description') ? <p className="pb-catalogue__description pd-longtext">{text('description')}</p> : null}
      {price ? (
        <p className="pb-catalogue__price">
          <span className="pb-catalogue__amount">{price}</span>
          {billing === 'monthly' ? <span className="pb-catalogue__billing"> / month</span> : billing === 'once' ? <span className="pb-catalogue__billing"> one-off</span> : null}
        </p>
      ) : null}
      {canRequest && !open ? (
        <div className="pb-catalogue__action">
          <button type="button" className="pb-btn pb-btn--primary" ref={triggerRef} onClick={() => toggle(true)}>
            Request<span className="pb-sr-only">{` ${name}`}</span>
          </button>
        </div>
      ) : null}
      {canRequest && open ? (
        <form className="pb-catalogue__form" onSubmit={submit} noValidate aria-labelledby={`${uid}-form`}>
          <p className="pb-catalogue__form-title" id={`${uid}-form`}>{`Request “${name}”`}</p>
          <div className="pd-field">
            <label className="pd-field__label" htmlFor={`${uid}-notes`}>
              Anything we should know? <span className="pd-muted">(optional)</span>
            </label>
            <textarea
              id={`${uid}-notes`}
              ref={notesRef}
              className="pd-input"
              rows={3}
              maxLength={NOTES_MAX}
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
              aria-invalid={notesError ? true : undefined}
              aria-describedby={`${uid}-notes-hint${notesError ? ` ${uid}-notes-error` : ''}`}
            />
            <span className="pd-field__hint" id={`${uid}-notes-hint`}>
              For example access to the site or times that suit you.
            </span>
            {notesError ? (
              <span className="pd-field__error" id={`${uid}-notes-error`}>
                {notesError}
              </span>
            ) : null}
          </div>
          <div className="pd-actions">
            <button type="submit" className="pb-btn pb-btn--primary" disabled={request.pending} aria-busy={request.pending || undefined}>
              {request.pending ? 'Sending…' : 'Send request'}
            </button>
            <button type="button" className="pb-btn pb-btn--secondary" onClick={() => toggle(false)} disabled={request.pending}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      <div aria-live="polite">
        <ActionMessage outcome={request.outcome && !request.outcome.ok ? request.outcome : null} />
      </div>
    </article>
  );
}

function ServiceCatalogue({ id, props, data, can = {}, ctx }: RenderProps<ServiceCatalogueProps>) {
  const [done, setDone] = useState<ActionOutcome | null>(null);
  const [kind, setKind] = useState<string>('all');
  const builder = ctx.mode === 'builder';
  const list = builder ? SAMPLE : listOf(data);
  const problem = builder ? null : errorOf(data);
  const headingId = `${id}-heading`;

  let body;
  if (problem) body = <EmptyState>{problem}</EmptyState>;
  else if (!list) body = <EmptyState>The catalogue is not available here.</EmptyState>;
  else if (list.items.length === 0) body = <EmptyState>{props.emptyText}</EmptyState>;
  else {
    const kindField = list.fields.find((f) => f.key === 'kind');
    const present = kindField ? (kindField.options ?? []).filter((o) => list.items.some((r) => r.data.kind === o.value)) : [];
    const shown = kind === 'all' ? list.items : list.items.filter((r) => r.data.kind === kind);
    body = (
      <>
        {props.kindFilter && present.length > 1 ? (
          <div className="pb-catalogue__filter" role="group" aria-label="Filter by kind">
            {[{ value: 'all', label: 'All' }, ...present].map((o) => (
              <button key={o.value} type="button" className="pb-catalogue__chip" aria-pressed={kind === o.value} onClick={() => setKind(o.value)}>
                {o.label}
              </button>
            ))}
          </div>
        ) : null}
        <ul className="pb-catalogue__grid">
          {shown.map((row) => (
            <li key={row.id}>
              <ItemCard blockId={id} row={row} fields={list.fields} canRequest={builder || can.request === true} ctx={ctx} onDone={setDone} />
            </li>
          ))}
        </ul>
      </>
    );
  }

  return (
    <ListSection className="pb-catalogue" heading={props.heading} headingId={headingId} sample={builder ? <BuilderSample title="Service catalogue (sample)">Lists the catalogue items made visible (hidden by default). Roles with services.request can request one; that creates an order with its steps.</BuilderSample> : null} outcome={done}>
      {body}
    </ListSection>
  );
}

export const serviceCatalogue = defineBlock({
  type: 'service-catalogue',
  label: 'Service catalogue',
  description: 'Items, plans and bundles made visible to customers; a request creates an order.',
  category: 'self-service',
  icon: 'catalogue',
  props: serviceCatalogueProps,
  requires: (p) => [{ entity: p.entityType, op: 'read' }],
  // `visible = true` is added unconditionally: no configuration lists hidden items.
  data: (p) => ({
    kind: 'list',
    entityType: p.entityType,
    fields: [...CATALOGUE_FIELDS],
    limit: p.limit,
    sort: [{ field: 'name', dir: 'asc' }],
    filters: [VISIBLE_ONLY, ...(p.kinds.length ? [{ field: 'kind', op: 'in' as const, value: [...p.kinds] }] : [])],
  }),
  actions: {
    request: { label: 'Request a service', input: requestInput, requires: (p) => [{ entity: p.entityType, op: 'read' }, { action: 'services.request' }] },
  },
  Render: ServiceCatalogue,
});
