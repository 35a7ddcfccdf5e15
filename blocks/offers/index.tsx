// Offers: the signed-in customer's offers as cards (title, number, amount, valid until, status,
// description). An open offer can be accepted (after a confirm step) or rejected with a reason,
// each where the viewer's role grants the named action (offers.accept / offers.reject). The
// server decides everything else: the offer must still be open and valid (server/actions/commerce.ts).
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { typeKeySchema, type ActionOutcome, type FieldInfo, type ListResult, type RecordRow } from '../../core';
import { ActionMessage, BuilderSample, EmptyState, formatDate, StatusBadge } from '../_lib/data-kit';
import { errorOf, listOf, rowFields } from '../_lib/row-fields';
import { choiceFilter, listEmptyText, listHeading, listLimit, newestWithStatus } from '../_lib/list-props';
import { ListSection } from '../_lib/list-section';
import { defineBlock, type RenderContext, type RenderProps } from '../_lib/define-block';
import { useAction } from '../_lib/use-action';

export const OFFER_STATUSES = ['open', 'accepted', 'rejected', 'expired'] as const;
export const OFFER_FIELDS = ['title', 'number', 'amount', 'validUntil', 'status', 'description', 'rejectionReason', 'decidedAt'] as const;
export const REASON_MAX = 2000;

export const offersProps = z
  .object({
    heading: listHeading('Your offers'),
    entityType: typeKeySchema.default('offer').meta({
      widget: 'entity-type',
      label: 'Offer type',
      help: 'Uses the fields title, number, amount, validUntil, status, description, rejectionReason and decidedAt.',
    }),
    statuses: choiceFilter(OFFER_STATUSES, [...OFFER_STATUSES], 'Show offers with status', 'Empty: every offer.'),
    limit: listLimit(20, 'Offers shown at most', 50),
    emptyText: listEmptyText('You have no offers at the moment.'),
  })
  .strict();
export type OffersProps = z.output<typeof offersProps>;

const offerId = z.string().min(1).max(64);
export const acceptInput = z.object({ offerId }).strict();
export const rejectInput = z
  .object({
    offerId,
    reason: z.string().trim().min(1, 'tell us why you reject the offer').max(REASON_MAX, `use at most ${REASON_MAX} characters`),
  })
  .strict();

const SAMPLE: ListResult = {
  kind: 'list',
  entityType: 'offer',
  label: { singular: 'Offer', plural: 'Offers' },
  fields: [
    { key: 'title', label: 'Title', type: 'text', required: true, editable: false },
    { key: 'number', label: 'Offer number', type: 'text', required: false, editable: false },
    { key: 'amount', label: 'Amount', type: 'money', required: false, editable: false },
    { key: 'validUntil', label: 'Valid until', type: 'date', required: false, editable: false },
    { key: 'status', label: 'Status', type: 'enum', required: false, editable: false, options: OFFER_STATUSES.map((v) => ({ value: v, label: v[0]!.toUpperCase() + v.slice(1) })) },
    { key: 'description', label: 'Description', type: 'longText', required: false, editable: false },
  ],
  items: [
    {
      id: 'sample-1',
      title: 'Solar panels for your roof',
      data: { title: 'Solar panels for your roof', number: 'OF-2026-014', amount: { amount: 12480, currency: 'EUR' }, validUntil: '2026-06-30', status: 'open', description: '14 panels (5.6 kWp), inverter and installation.' },
      updatedAt: '2026-03-01T09:00:00.000Z',
      revision: 1,
    },
    {
      id: 'sample-2',
      title: 'Green electricity 24',
      data: { title: 'Green electricity 24', number: 'OF-2026-009', amount: { amount: 89.9, currency: 'EUR' }, validUntil: '2026-03-31', status: 'accepted' },
      updatedAt: '2026-02-12T09:00:00.000Z',
      revision: 2,
    },
  ],
  nextCursor: null,
  sort: [],
  search: '',
  titles: {},
};

type CardProps = { blockId: string; row: RecordRow; fields: FieldInfo[]; titles: Record<string, string>; can: Readonly<Record<string, boolean>>; ctx: RenderContext; onDone: (o: ActionOutcome) => void };

function OfferCard({ blockId, row, fields, titles, can, ctx, onDone }: CardProps) {
  const accept = useAction(ctx, blockId, 'accept');
  const reject = useAction(ctx, blockId, 'reject');
  const [step, setStep] = useState<'idle' | 'confirm' | 'reject'>('idle');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const uid = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    if (!moved.current) return;
    if (step === 'confirm') confirmRef.current?.focus();
    else if (step === 'reject') reasonRef.current?.focus();
    else triggerRef.current?.focus();
  }, [step]);
  const go = (next: typeof step) => {
    moved.current = true;
    accept.reset();
    reject.reset();
    setStep(next);
  };

  const { field, text } = rowFields(fields, row, ctx.locale, titles);
  const status = field('status') ? (row.data.status as string | undefined) : undefined;
  const title = row.title || text('title') || text('number');
  const amount = text('amount');
  const decidedAt = typeof row.data.decidedAt === 'string' && field('decidedAt') ? formatDate(row.data.decidedAt.slice(0, 10), ctx.locale) : '';
  const isOpen = status === 'open';
  const actionable = isOpen && (can.accept || can.reject);

  const done = (o: ActionOutcome) => {
    if (!o.ok) return;
    moved.current = false;
    setStep('idle');
    setReason('');
    onDone(o);
  };
  const onAccept = () => void accept.run({ offerId: row.id }).then(done);
  const onReject = (e: FormEvent) => {
    e.preventDefault();
    const r = reason.trim();
    if (!r) return setReasonError('Tell us why you reject the offer.');
    if (r.length > REASON_MAX) return setReasonError(`Use at most ${REASON_MAX} characters.`);
    setReasonError(null);
    void reject.run({ offerId: row.id, reason: r }).then(done);
  };
  const serverReasonError = reject.issues.reason;
  const shownReasonError = reasonError ?? serverReasonError ?? null;
  const pending = accept.pending || reject.pending;
  const failure = [accept.outcome, reject.outcome].find((o) => o && !o.ok) ?? null;

  return (
    <article className="pb-offers__card" aria-labelledby={`${uid}-title`}>
      <header className="pb-offers__head">
        <div className="pb-offers__name">
          <h3 className="pb-offers__title" id={`${uid}-title`}>
            {title}
          </h3>
          {text('number') ? <p className="pb-offers__number">{`${field('number')!.label} ${text('number')}`}</p> : null}
        </div>
        {status ? <StatusBadge value={status} label={text('status')} /> : null}
      </header>
      <dl className="pb-offers__facts">
        {amount ? (
          <div className="pb-offers__fact pb-offers__fact--amount">
            <dt>{field('amount')!.label}</dt>
            <dd>{amount}</dd>
          </div>
        ) : null}
        {text('validUntil') ? (
          <div className="pb-offers__fact">
            <dt>{field('validUntil')!.label}</dt>
            <dd>{text('validUntil')}</dd>
          </div>
        ) : null}
        {decidedAt ? (
          <div className="pb-offers__fact">
            <dt>{field('decidedAt')!.label}</dt>
            <dd>{decidedAt}</dd>
          </div>
        ) : null}
      </dl>
      {text('description') ? <p className="pb-offers__description pd-longtext">{text('description')}</p> : null}
      {status === 'rejected' && text('rejectionReason') ? (
        <p className="pb-offers__reason">
          <span className="pb-offers__reason-label">{`${field('rejectionReason')!.label}: `}</span>
          <span className="pd-longtext">{text('rejectionReason')}</span>
        </p>
      ) : null}

      {actionable && step === 'idle' ? (
        <div className="pd-actions pb-offers__actions">
          {can.accept ? (
            <button type="button" className="pb-btn pb-btn--primary" ref={triggerRef} onClick={() => go('confirm')}>
              Accept offer
            </button>
          ) : null}
          {can.reject ? (
            <button type="button" className="pb-btn pb-btn--secondary" ref={can.accept ? undefined : triggerRef} onClick={() => go('reject')}>
              Reject
            </button>
          ) : null}
        </div>
      ) : null}

      {actionable && can.accept && step === 'confirm' ? (
        <div className="pb-offers__panel" role="group" aria-labelledby={`${uid}-confirm`}>
          <p className="pb-offers__panel-text" id={`${uid}-confirm`}>
            {amount ? `Accept “${title}” for ${amount}? Accepting is binding.` : `Accept “${title}”? Accepting is binding.`}
          </p>
          <div className="pd-actions">
            <button type="button" className="pb-btn pb-btn--primary" ref={confirmRef} onClick={onAccept} disabled={pending} aria-busy={accept.pending || undefined}>
              {accept.pending ? 'Accepting…' : 'Yes, accept offer'}
            </button>
            <button type="button" className="pb-btn pb-btn--secondary" onClick={() => go('idle')} disabled={pending}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}

      {actionable && can.reject && step === 'reject' ? (
        <form className="pb-offers__panel" onSubmit={onReject} noValidate aria-labelledby={`${uid}-reject`}>
          <p className="pb-offers__panel-text" id={`${uid}-reject`}>{`Reject “${title}”`}</p>
          <div className="pd-field">
            <label className="pd-field__label" htmlFor={`${uid}-reason`}>
              Why are you rejecting this offer?
            </label>
            <textarea
              id={`${uid}-reason`}
              ref={reasonRef}
              className="pd-input"
              rows={4}
              maxLength={REASON_MAX}
              required
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={shownReasonError ? true : undefined}
              aria-describedby={`${uid}-reason-hint${shownReasonError ? ` ${uid}-reason-error` : ''}`}
            />
            <span className="pd-field__hint" id={`${uid}-reason-hint`}>{`Required, up to ${REASON_MAX} characters (${reason.length}/${REASON_MAX}).`}</span>
            {shownReasonError ? (
              <span className="pd-field__error" id={`${uid}-reason-error`}>
                {shownReasonError}
              </span>
            ) : null}
          </div>
          <div className="pd-actions">
            <button type="submit" className="pb-btn pb-btn--primary" disabled={pending} aria-busy={reject.pending || undefined}>
              {reject.pending ? 'Sending…' : 'Reject offer'}
            </button>
            <button type="button" className="pb-btn pb-btn--secondary" onClick={() => go('idle')} disabled={pending}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      <div aria-live="polite">
        <ActionMessage outcome={failure} />
      </div>
    </article>
  );
}

function Offers({ id, props, data, can = {}, ctx }: RenderProps<OffersProps>) {
  const [done, setDone] = useState<ActionOutcome | null>(null);
  const builder = ctx.mode === 'builder';
  const list = builder ? SAMPLE : listOf(data);
  const headingId = `${id}-heading`;
  const problem = builder ? null : errorOf(data);

  let body;
  if (problem) body = <EmptyState>{problem}</EmptyState>;
  else if (!list) body = <EmptyState>Offers are not available here.</EmptyState>;
  else if (list.items.length === 0) body = <EmptyState>{props.emptyText}</EmptyState>;
  else
    body = (
      <ul className="pb-offers__list">
        {list.items.map((row) => (
          <li key={row.id}>
            <OfferCard blockId={id} row={row} fields={list.fields} titles={list.titles} can={builder ? { accept: true, reject: true } : can} ctx={ctx} onDone={setDone} />
          </li>
        ))}
      </ul>
    );

  return (
    <ListSection className="pb-offers" heading={props.heading} headingId={headingId} sample={builder ? <BuilderSample title="Offers (sample)">Shows the signed-in customer’s offers. Open offers can be accepted or rejected by roles with offers.accept / offers.reject.</BuilderSample> : null} outcome={done}>
      {body}
    </ListSection>
  );
}

export const offers = defineBlock({
  type: 'offers',
  label: 'Offers',
  description: 'The customer’s offers; open ones can be accepted or rejected.',
  category: 'self-service',
  icon: 'offer',
  props: offersProps,
  requires: (p) => [{ entity: p.entityType, op: 'read' }],
  data: (p) => newestWithStatus(p.entityType, OFFER_FIELDS, p.limit, 'createdAt', p.statuses),
  actions: {
    accept: { label: 'Accept an offer', input: acceptInput, requires: (p) => [{ entity: p.entityType, op: 'read' }, { action: 'offers.accept' }] },
    reject: { label: 'Reject an offer', input: rejectInput, requires: (p) => [{ entity: p.entityType, op: 'read' }, { action: 'offers.reject' }] },
  },
  Render: Offers,
});
