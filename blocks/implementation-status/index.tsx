// Implementation status: how far the customer's orders have come. Mode "orders" lists the orders in
// scope with a progress bar and their status; mode "order" (on a detail page such as /orders/:id)
// shows one order's steps in order of position as a vertical stepper (done / current / pending).
//
// One data request per block: mode "order" loads the order's steps (a list related to the page's
// order) and takes the order's title from the list's `titles`; its progress is counted from the
// steps. Mode "orders" loads the orders themselves, so it shows their stored progress and status but
// not each order's next step (that would need the steps of every order in the same request).
import { z } from 'zod';
import { typeKeySchema, type ListResult, type RecordRow } from '../../core';
import { BuilderSample, EmptyState, formatDate, formatValue, StatusBadge } from '../_lib/data-kit';
import { errorOf, listOf, rowFields, sampleField } from '../_lib/row-fields';
import { choiceFilter, listEmptyText, listHeading, listLimit } from '../_lib/list-props';
import { ListSection } from '../_lib/list-section';
import { defineBlock, type RenderContext, type RenderProps } from '../_lib/define-block';
import { Icon } from '../_lib/icons';

export const ORDER_STATUSES = ['received', 'in-progress', 'completed', 'cancelled'] as const;
export const ORDER_FIELDS = ['number', 'name', 'status', 'progress', 'requestedAt'] as const;
export const STEP_FIELDS = ['name', 'position', 'status', 'dueDate', 'completedAt', 'order'] as const;

export const implementationStatusProps = z
  .object({
    heading: listHeading('Your orders'),
    mode: z.enum(['orders', 'order']).default('orders').meta({ label: 'Show', help: '“orders”: every order with its progress. “order”: the steps of the order in the page’s address (a detail page).' }),
    orderType: typeKeySchema.default('order').meta({ widget: 'entity-type', label: 'Order type', help: 'Uses the fields number, name, status, progress and requestedAt.' }),
    stepType: typeKeySchema.default('order_step').meta({ widget: 'entity-type', label: 'Order step type', help: 'Uses the fields name, order, position, status, dueDate and completedAt.' }),
    statuses: choiceFilter(ORDER_STATUSES, ['received', 'in-progress', 'completed'], 'Orders: show status', 'Mode “orders” only. Empty: every order.'),
    param: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'a route parameter name like id')
      .default('id')
      .meta({ label: 'Order: route parameter', help: 'Mode “order” only: the parameter of the page path holding the order’s id (/orders/:id → id).' }),
    detailPath: z
      .string()
      .trim()
      .max(200)
      .regex(/^(\/[A-Za-z0-9._~:/-]*)?$/, 'a portal path like /orders/:id')
      .default('/orders/:id')
      .meta({ label: 'Orders: link each order to', help: 'Mode “orders” only: the detail page, :id becomes the order’s id. Empty: no link.' }),
    limit: listLimit(20, 'Orders shown at most'),
    emptyText: listEmptyText('You have no orders in progress.'),
  })
  .strict();
export type ImplementationStatusProps = z.output<typeof implementationStatusProps>;

const clampPercent = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.min(100, Math.max(0, Math.round(v))) : 0);

const ORDER_STATUS_OPTIONS = [
  { value: 'received', label: 'Received' },
  { value: 'in-progress', label: 'In progress' },
  { value: 'completed', label: 'Completed' },
  { value: 'cancelled', label: 'Cancelled' },
];
const SAMPLE_ORDERS: ListResult = {
  kind: 'list',
  entityType: 'order',
  label: { singular: 'Order', plural: 'Orders' },
  fields: [sampleField('number', 'Order number', 'text'), sampleField('name', 'Name', 'text'), sampleField('status', 'Status', 'enum', { options: ORDER_STATUS_OPTIONS }), sampleField('progress', 'Progress (%)', 'number'), sampleField('requestedAt', 'Ordered on', 'datetime')],
  items: [
    { id: 'sample-1', title: 'ORD-20260302-K7Q2M', data: { number: 'ORD-20260302-K7Q2M', name: 'Wallbox installation', status: 'in-progress', progress: 50, requestedAt: '2026-03-02T09:15:00.000Z' }, updatedAt: '', revision: 3 },
    { id: 'sample-2', title: 'ORD-20260114-P3X8D', data: { number: 'ORD-20260114-P3X8D', name: 'Smart meter', status: 'completed', progress: 100, requestedAt: '2026-01-14T11:00:00.000Z' }, updatedAt: '', revision: 6 },
  ],
  nextCursor: null,
  sort: [],
  search: '',
  titles: {},
};
const STEP_STATUS_OPTIONS = [
  { value: 'pending', label: 'Pending' },
  { value: 'current', label: 'In progress' },
  { value: 'done', label: 'Done' },
];
const SAMPLE_STEPS: ListResult = {
  kind: 'list',
  entityType: 'order_step',
  label: { singular: 'Order step', plural: 'Order steps' },
  fields: [sampleField('name', 'Step', 'text'), sampleField('position', 'Position', 'number'), sampleField('status', 'Status', 'enum', { options: STEP_STATUS_OPTIONS }), sampleField('dueDate', 'Due on', 'date'), sampleField('completedAt', 'Completed on', 'date'), sampleField('order', 'Order', 'relation', { target: 'order' })],
  items: [
    { id: 's1', title: 'Request received', data: { name: 'Request received', position: 1, status: 'done', completedAt: '2026-03-02', order: 'o1' }, updatedAt: '', revision: 1 },
    { id: 's2', title: 'Planning', data: { name: 'Planning', position: 2, status: 'current', dueDate: '2026-03-20', order: 'o1' }, updatedAt: '', revision: 1 },
    { id: 's3', title: 'Installation', data: { name: 'Installation', position: 3, status: 'pending', dueDate: '2026-04-10', order: 'o1' }, updatedAt: '', revision: 1 },
    { id: 's4', title: 'Handover', data: { name: 'Handover', position: 4, status: 'pending', order: 'o1' }, updatedAt: '', revision: 1 },
  ],
  nextCursor: null,
  sort: [],
  search: '',
  titles: { o1: 'ORD-20260302-K7Q2M' },
};

function ProgressBar({ value, labelledBy }: { value: number; labelledBy: string }) {
  return (
    <div className="pb-impl__progress">
      <div className="pb-impl__bar" role="progressbar" aria-valuenow={value} aria-valuemin={0} aria-valuemax={100} aria-valuetext={`${value}% complete`} aria-labelledby={labelledBy}>
        <span className="pb-impl__fill" style={{ width: `${value}%` }} />
      </div>
      <span className="pb-impl__percent" aria-hidden="true">{`${value}%`}</span>
    </div>
  );
}

function OrderCard({ row, list, detailPath, ctx, idBase }: { row: RecordRow; list: ListResult; detailPath: string; ctx: RenderContext; idBase: string }) {
  const { field, text } = rowFields(list.fields, row, ctx.locale);
  const status = field('status') ? (row.data.status as string | undefined) : undefined;
  const number = text('number') || row.title;
  const name = text('name') || number;
  const requested = typeof row.data.requestedAt === 'string' && field('requestedAt') ? formatDate(row.data.requestedAt.slice(0, 10), ctx.locale) : '';
  const nameId = `${idBase}-${row.id}`;
  const progress = field('progress') ? clampPercent(row.data.progress) : null;
  const href = detailPath ? ctx.href(detailPath.replace(':id', encodeURIComponent(row.id))) : null;
  return (
    <article className="pb-impl__order" aria-labelledby={nameId}>
      <div className="pb-impl__order-head">
        <div className="pb-impl__order-name">
          <h3 className="pb-impl__title" id={nameId}>
            {name}
          </h3>
          <p className="pb-impl__meta">{[name !== number ? number : '', requested ? `Ordered on ${requested}` : ''].filter(Boolean).join(' · ')}</p>
        </div>
        {status ? <StatusBadge value={status} label={text('status')} /> : null}
      </div>
      {progress !== null ? <ProgressBar value={progress} labelledBy={nameId} /> : null}
      {href ? (
        <a className="pb-impl__link" href={href}>
          View progress<span className="pb-sr-only">{` of ${name}`}</span>
          <Icon name="arrow-right" />
        </a>
      ) : null}
    </article>
  );
}

function Orders({ list, props, ctx, idBase }: { list: ListResult; props: ImplementationStatusProps; ctx: RenderContext; idBase: string }) {
  if (list.items.length === 0) return <EmptyState>{props.emptyText}</EmptyState>;
  return (
    <ul className="pb-impl__orders">
      {list.items.map((row) => (
        <li key={row.id}>
          <OrderCard row={row} list={list} detailPath={props.detailPath} ctx={ctx} idBase={idBase} />
        </li>
      ))}
    </ul>
  );
}

const STEP_STATES = new Set(['done', 'current', 'pending']);

function Steps({ list, orderId, ctx, idBase }: { list: ListResult; orderId: string | undefined; ctx: RenderContext; idBase: string }) {
  if (list.items.length === 0) return <EmptyState>There are no steps for this order yet, or it is not available to you.</EmptyState>;
  const field = (key: string) => list.fields.find((f) => f.key === key);
  const steps = [...list.items].sort((a, b) => Number(a.data.position ?? 0) - Number(b.data.position ?? 0));
  const stateOf = (row: RecordRow) => (field('status') && STEP_STATES.has(String(row.data.status)) ? String(row.data.status) : 'pending');
  const doneCount = steps.filter((s) => stateOf(s) === 'done').length;
  const percent = Math.round((doneCount / steps.length) * 100);
  const orderTitle = orderId ? list.titles[orderId] : undefined;
  const labelId = `${idBase}-progress`;
  const dateOf = (row: RecordRow, key: string) => (field(key) && typeof row.data[key] === 'string' ? formatDate(String(row.data[key]), ctx.locale) : '');
  const statusLabel = (row: RecordRow) => {
    const f = field('status');
    return f ? formatValue(f, stateOf(row), ctx.locale) : 'Pending';
  };
  return (
    <div className="pb-impl__detail">
      <p className="pb-impl__summary" id={labelId}>
        {orderTitle ? <span className="pb-impl__order-title">{`Order ${orderTitle}`}</span> : null}
        <span>{`${doneCount} of ${steps.length} steps done`}</span>
      </p>
      <ProgressBar value={percent} labelledBy={labelId} />
      <ol className="pb-impl__steps">
        {steps.map((row, i) => {
          const state = stateOf(row);
          const completed = dateOf(row, 'completedAt');
          const due = dateOf(row, 'dueDate');
          const when = state === 'done' ? (completed ? `Completed on ${completed}` : '') : due ? `Due on ${due}` : '';
          return (
            <li key={row.id} className={`pb-impl__step pb-impl__step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="pb-impl__marker" aria-hidden="true">
                {state === 'done' ? <Icon name="check" /> : i + 1}
              </span>
              <div className="pb-impl__step-body">
                <p className="pb-impl__step-name">{row.title || String(row.data.name ?? '')}</p>
                <p className="pb-impl__step-meta">
                  <span className="pb-impl__step-state">{statusLabel(row)}</span>
                  {when ? <span>{when}</span> : null}
                </p>
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function ImplementationStatus({ id, props, data, ctx }: RenderProps<ImplementationStatusProps>) {
  const builder = ctx.mode === 'builder';
  const single = props.mode === 'order';
  const list = builder ? (single ? SAMPLE_STEPS : SAMPLE_ORDERS) : listOf(data);
  const problem = builder ? null : errorOf(data);
  const headingId = `${id}-heading`;
  const orderId = builder ? 'o1' : ctx.params[props.param];

  let body;
  if (problem) body = <EmptyState>{problem}</EmptyState>;
  else if (!list) body = <EmptyState>{single ? 'This order is not available.' : 'Orders are not available here.'}</EmptyState>;
  else body = single ? <Steps list={list} orderId={orderId} ctx={ctx} idBase={id} /> : <Orders list={list} props={props} ctx={ctx} idBase={id} />;

  return (
    <ListSection
      className="pb-impl"
      heading={props.heading}
      headingId={headingId}
      sample={
        builder ? (
          <BuilderSample title={single ? 'Order steps (sample)' : 'Orders and their progress (sample)'}>
            {single ? `Shows the steps of the order whose id is in the page address (:${props.param}).` : 'Shows the signed-in customer’s orders with their progress and status.'}
          </BuilderSample>
        ) : null
      }
    >
      {body}
    </ListSection>
  );
}

export const implementationStatus = defineBlock({
  type: 'implementation-status',
  label: 'Implementation status',
  description: 'Orders with their progress, or one order’s steps as a stepper.',
  category: 'self-service',
  icon: 'progress',
  props: implementationStatusProps,
  requires: (p) => [{ entity: p.mode === 'order' ? p.stepType : p.orderType, op: 'read' }],
  data: (p) =>
    p.mode === 'order'
      ? { kind: 'list', entityType: p.stepType, fields: [...STEP_FIELDS], limit: 100, sort: [{ field: 'position', dir: 'asc' }], related: { field: 'order', param: p.param } }
      : {
          kind: 'list',
          entityType: p.orderType,
          fields: [...ORDER_FIELDS],
          limit: p.limit,
          sort: [{ field: 'requestedAt', dir: 'desc' }],
          ...(p.statuses.length ? { filters: [{ field: 'status', op: 'in', value: [...p.statuses] }] } : {}),
        },
  Render: ImplementationStatus,
});
