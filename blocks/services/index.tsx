// Services: the signed-in customer's active services and subscriptions (name, since, monthly price,
// status). An active one can be cancelled — a request with a reason and the desired end date — where
// the role grants services.cancel (server/actions/commerce.ts decides the rest).
import { useId, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { ISO_DATE, isRealDate, typeKeySchema, type ActionOutcome, type FieldInfo, type ListResult, type RecordRow } from '../../core';
import { ActionMessage, BuilderSample, EmptyState, formatDate, StatusBadge } from '../_lib/data-kit';
import { errorOf, listOf, rowFields, sampleField } from '../_lib/row-fields';
import { useDisclosure } from '../_lib/disclosure';
import { choiceFilter, listEmptyText, listHeading, listLimit, newestWithStatus } from '../_lib/list-props';
import { ListSection } from '../_lib/list-section';
import { defineBlock, type RenderContext, type RenderProps } from '../_lib/define-block';
import { useAction } from '../_lib/use-action';

export const SERVICE_STATUSES = ['active', 'cancellation-requested', 'cancelled'] as const;
export const SERVICE_FIELDS = ['name', 'status', 'startDate', 'endDate', 'monthlyPrice', 'cancellationRequestedAt', 'cancellationReason'] as const;
export const REASON_MAX = 2000;

export const servicesProps = z
  .object({
    heading: listHeading('Your services'),
    entityType: typeKeySchema.default('service').meta({
      widget: 'entity-type',
      label: 'Service type',
      help: 'Uses the fields name, status, startDate, endDate, monthlyPrice, cancellationReason and cancellationRequestedAt.',
    }),
    statuses: choiceFilter(SERVICE_STATUSES, ['active', 'cancellation-requested'], 'Show services with status', 'Empty: every service.'),
    limit: listLimit(24, 'Services shown at most'),
    emptyText: listEmptyText('You have no active services.'),
  })
  .strict();
export type ServicesProps = z.output<typeof servicesProps>;

export const cancelInput = z
  .object({
    serviceId: z.string().min(1).max(64),
    reason: z.string().trim().min(1, 'tell us why you cancel').max(REASON_MAX, `use at most ${REASON_MAX} characters`),
    endDate: z.string().regex(ISO_DATE, { error: 'a date as YYYY-MM-DD', abort: true }).refine(isRealDate, 'not a real date'),
  })
  .strict();

/** Today as YYYY-MM-DD in the viewer's time zone (only used once the form is open, never in server HTML). */
const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const SAMPLE: ListResult = {
  kind: 'list',
  entityType: 'service',
  label: { singular: 'Service', plural: 'Services' },
  fields: [
    sampleField('name', 'Name', 'text'),
    sampleField('status', 'Status', 'enum', { options: [{ value: 'active', label: 'Active' }, { value: 'cancellation-requested', label: 'Cancellation requested' }, { value: 'cancelled', label: 'Cancelled' }] }),
    sampleField('startDate', 'Start date', 'date'),
    sampleField('endDate', 'End date', 'date'),
    sampleField('monthlyPrice', 'Monthly price', 'money'),
  ],
  items: [
    { id: 'sample-1', title: 'Smart meter insights', data: { name: 'Smart meter insights', status: 'active', startDate: '2025-04-01', monthlyPrice: { amount: 4.9, currency: 'EUR' } }, updatedAt: '', revision: 1 },
    { id: 'sample-2', title: 'Heat pump maintenance plan', data: { name: 'Heat pump maintenance plan', status: 'cancellation-requested', startDate: '2024-10-01', endDate: '2026-06-30', monthlyPrice: { amount: 14.5, currency: 'EUR' } }, updatedAt: '', revision: 3 },
  ],
  nextCursor: null,
  sort: [],
  search: '',
  titles: {},
};

type CardProps = { blockId: string; row: RecordRow; fields: FieldInfo[]; canCancel: boolean; ctx: RenderContext; onDone: (o: ActionOutcome) => void };

function ServiceCard({ blockId, row, fields, canCancel, ctx, onDone }: CardProps) {
  const cancel = useAction(ctx, blockId, 'cancel');
  const { open, toggle: show, settle, triggerRef, targetRef: reasonRef } = useDisclosure<HTMLTextAreaElement>();
  const [reason, setReason] = useState('');
  const [endDate, setEndDate] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; endDate?: string }>({});
  const uid = useId();

  const { field, text } = rowFields(fields, row, ctx.locale);
  const status = field('status') ? (row.data.status as string | undefined) : undefined;
  const name = row.title || text('name');
  const price = text('monthlyPrice');
  const since = text('startDate');
  const ends = text('endDate');
  const requestedOn = typeof row.data.cancellationRequestedAt === 'string' && field('cancellationRequestedAt') ? formatDate(row.data.cancellationRequestedAt.slice(0, 10), ctx.locale) : '';
  const cancellable = canCancel && status === 'active';

  const toggle = (on: boolean) => {
    cancel.reset();
    setErrors({});
    show(on);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!reason.trim()) next.reason = 'Tell us why you cancel.';
    else if (reason.trim().length > REASON_MAX) next.reason = `Use at most ${REASON_MAX} characters.`;
    if (!endDate || !ISO_DATE.test(endDate) || !isRealDate(endDate)) next.endDate = 'Choose the date the service should end.';
    else if (endDate < localToday()) next.endDate = 'Choose today or a later date.';
    setErrors(next);
    if (next.reason || next.endDate) return;
    void cancel.run({ serviceId: row.id, reason: reason.trim(), endDate }).then((o) => {
      if (!o.ok) return;
      settle();
      setReason('');
      setEndDate('');
      onDone(o);
    });
  };
  const reasonError = errors.reason ?? cancel.issues.reason;
  const dateError = errors.endDate ?? cancel.issues.endDate;

  return (
    <article className="pb-services__card" aria-labelledby={`${uid}-name`}>
      <div className="pb-services__main">
        <div className="pb-services__head">
          <h3 className="pb-services__name" id={`${uid}-name`}>
            {name}
          </h3>
          {status ? <StatusBadge value={status} label={text('status')} /> : null}
        </div>
        <p className="pb-services__meta">
          {since ? <span>{`Since ${since}`}</span> : null}
          {status === 'cancellation-requested' && ends ? <span>{`Ends on ${ends}`}</span> : null}
          {status === 'cancellation-requested' && requestedOn ? <span>{`Cancellation requested on ${requestedOn}`}</span> : null}
          {status === 'cancelled' && ends ? <span>{`Ended on ${ends}`}</span> : null}
        </p>
      </div>
      {price ? (
        <p className="pb-services__price">
          <span className="pb-services__amount">{price}</span>
          <span className="pb-services__per"> / month</span>
        </p>
      ) : null}
      {cancellable && !open ? (
        <div className="pb-services__action">
          <button type="button" className="pb-btn pb-btn--secondary pb-btn--small" ref={triggerRef} onClick={() => toggle(true)}>
            Request cancellation<span className="pb-sr-only">{` of ${name}`}</span>
          </button>
        </div>
      ) : null}
      {cancellable && open ? (
        <form className="pb-services__form" onSubmit={submit} noValidate aria-labelledby={`${uid}-form`}>
          <p className="pb-services__form-title" id={`${uid}-form`}>{`Cancel “${name}”`}</p>
          <div className="pd-field">
            <label className="pd-field__label" htmlFor={`${uid}-reason`}>
              Why do you want to cancel?
            </label>
            <textarea
              id={`${uid}-reason`}
              ref={reasonRef}
              className="pd-input"
              rows={3}
              maxLength={REASON_MAX}
              required
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? `${uid}-reason-error` : undefined}
            />
            {reasonError ? (
              <span className="pd-field__error" id={`${uid}-reason-error`}>
                {reasonError}
              </span>
            ) : null}
          </div>
          <div className="pd-field">
            <label className="pd-field__label" htmlFor={`${uid}-end`}>
              End the service on
            </label>
            <input
              id={`${uid}-end`}
              type="date"
              className="pd-input pb-services__date"
              required
              min={localToday()}
              value={endDate}
              onChange={(e) => setEndDate(e.target.value)}
              aria-invalid={dateError ? true : undefined}
              aria-describedby={`${uid}-end-hint${dateError ? ` ${uid}-end-error` : ''}`}
            />
            <span className="pd-field__hint" id={`${uid}-end-hint`}>
              Today or later. We confirm the final date by email.
            </span>
            {dateError ? (
              <span className="pd-field__error" id={`${uid}-end-error`}>
                {dateError}
              </span>
            ) : null}
          </div>
          <div className="pd-actions">
            <button type="submit" className="pb-btn pb-btn--primary" disabled={cancel.pending} aria-busy={cancel.pending || undefined}>
              {cancel.pending ? 'Sending…' : 'Send cancellation request'}
            </button>
            <button type="button" className="pb-btn pb-btn--secondary" onClick={() => toggle(false)} disabled={cancel.pending}>
              Keep the service
            </button>
          </div>
        </form>
      ) : null}
      <div className="pb-services__live" aria-live="polite">
        <ActionMessage outcome={cancel.outcome && !cancel.outcome.ok ? cancel.outcome : null} />
      </div>
    </article>
  );
}

function Services({ id, props, data, can = {}, ctx }: RenderProps<ServicesProps>) {
  const [done, setDone] = useState<ActionOutcome | null>(null);
  const builder = ctx.mode === 'builder';
  const list = builder ? SAMPLE : listOf(data);
  const problem = builder ? null : errorOf(data);
  const headingId = `${id}-heading`;

  let body;
  if (problem) body = <EmptyState>{problem}</EmptyState>;
  else if (!list) body = <EmptyState>Services are not available here.</EmptyState>;
  else if (list.items.length === 0) body = <EmptyState>{props.emptyText}</EmptyState>;
  else
    body = (
      <ul className="pb-services__list">
        {list.items.map((row) => (
          <li key={row.id}>
            <ServiceCard blockId={id} row={row} fields={list.fields} canCancel={builder || can.cancel === true} ctx={ctx} onDone={setDone} />
          </li>
        ))}
      </ul>
    );

  return (
    <ListSection className="pb-services" heading={props.heading} headingId={headingId} sample={builder ? <BuilderSample title="Services (sample)">Shows the signed-in customer’s services and subscriptions. Roles with services.cancel can request a cancellation.</BuilderSample> : null} outcome={done}>
      {body}
    </ListSection>
  );
}

export const services = defineBlock({
  type: 'services',
  label: 'Services',
  description: 'The customer’s services and subscriptions; active ones can be cancelled.',
  category: 'self-service',
  icon: 'service',
  props: servicesProps,
  requires: (p) => [{ entity: p.entityType, op: 'read' }],
  data: (p) => newestWithStatus(p.entityType, SERVICE_FIELDS, p.limit, 'startDate', p.statuses),
  actions: {
    cancel: { label: 'Request a cancellation', input: cancelInput, requires: (p) => [{ entity: p.entityType, op: 'read' }, { action: 'services.cancel' }] },
  },
  Render: Services,
});
