// Payment methods: the company's bank accounts and cards on file (name, kind, masked number, expiry,
// the default one). Users with paymentMethods.manage add a SEPA direct debit mandate (holder and
// IBAN, checked with its mod-97 checksum), make a method the default or remove one. The full IBAN is
// sent once and never stored: the server keeps only the masked form ("DE89 •••• •••• 3000").
import { useEffect, useId, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { typeKeySchema, type FieldInfo, type ListResult, type RecordRow } from '../../core';
import { ActionMessage, BuilderSample, EmptyState, formatValue } from '../_lib/data-kit';
import { useFormToggle } from '../_lib/disclosure';
import { FormFooter } from '../_lib/form-footer';
import { defineBlock, type RenderContext, type RenderProps } from '../_lib/define-block';
import { FieldInput } from '../_lib/field-input';
import { useAction } from '../_lib/use-action';
import { ibanProblem } from './iban';

export const FIELDS = ['label', 'kind', 'holder', 'masked', 'expires', 'isDefault'] as const;

export const paymentMethodsProps = z
  .object({
    heading: z.string().trim().max(120).default('Payment methods').meta({ label: 'Heading' }),
    intro: z.string().trim().max(300).default('How we collect your payments. The default method is used for new invoices.').meta({ widget: 'textarea', label: 'Introduction' }),
    entityType: typeKeySchema.default('payment_method').meta({ widget: 'entity-type', label: 'Payment method type', help: 'Needs the fields label, kind, holder, masked, expires and isDefault.' }),
    creditor: z.string().trim().max(120).default('').meta({ label: 'Creditor name in the mandate', help: 'Who collects the payments; empty: the portal’s name.' }),
  })
  .strict();
export type PaymentMethodsProps = z.output<typeof paymentMethodsProps>;

export const addSepaInput = z
  .object({
    holder: z.string().trim().min(1, 'Enter the account holder’s name.').max(120, 'At most 120 characters.'),
    iban: z.string().max(64, 'An IBAN has at most 34 characters.'),
    label: z.string().trim().max(60, 'At most 60 characters.').optional(),
    mandate: z.literal(true, 'Please agree to the direct debit mandate.'),
  })
  .strict();
export const methodInput = z.object({ id: z.string().min(1).max(64) }).strict();

const HOLDER: FieldInfo = { key: 'holder', label: 'Account holder', type: 'text', required: true, editable: true, maxLength: 120 };
const IBAN: FieldInfo = { key: 'iban', label: 'IBAN', type: 'text', required: true, editable: true, maxLength: 42 };
const LABEL: FieldInfo = { key: 'label', label: 'Name for this account (optional)', type: 'text', required: false, editable: true, maxLength: 60 };

const str = (row: RecordRow, key: string) => (typeof row.data[key] === 'string' ? (row.data[key] as string) : '');

function AddSepaForm({ id, ctx, creditor, onClose }: { id: string; ctx: RenderContext; creditor: string; onClose: () => void }) {
  const uid = useId();
  const action = useAction(ctx, id, 'add');
  const [values, setValues] = useState({ holder: '', iban: '', label: '' });
  const [mandate, setMandate] = useState(false);
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors: Record<string, string | undefined> = { ...action.issues, ...local };
  const set = (key: keyof typeof values) => (v: unknown) => setValues((prev) => ({ ...prev, [key]: typeof v === 'string' ? v : '' }));
  // Opened by a button: the keyboard continues in the form's first field.
  useEffect(() => document.getElementById(`${uid}-holder`)?.focus(), [uid]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!values.holder.trim()) problems.holder = 'Enter the account holder’s name.';
    const iban = ibanProblem(values.iban);
    if (iban) problems.iban = iban;
    if (!mandate) problems.mandate = 'Please agree to the direct debit mandate.';
    setLocal(problems);
    if (Object.keys(problems).length) return;
    const outcome = await action.run({ holder: values.holder, iban: values.iban, ...(values.label.trim() ? { label: values.label } : {}), mandate: true });
    if (outcome.ok) {
      setValues({ holder: '', iban: '', label: '' });
      setMandate(false);
    }
  };

  return (
    <form className="pb-pay__form" onSubmit={submit} noValidate aria-labelledby={`${uid}-t`} autoComplete="off">
      <h3 className="pb-pay__form-title" id={`${uid}-t`}>
        Add a bank account (SEPA direct debit)
      </h3>
      <div className="pb-pay__grid">
        <FieldInput id={`${uid}-holder`} field={HOLDER} value={values.holder} onChange={set('holder')} error={errors.holder} />
        <FieldInput id={`${uid}-iban`} field={IBAN} value={values.iban} onChange={set('iban')} error={errors.iban} hint="For example DE89 3704 0044 0532 0130 00. We store only the last four characters." />
        <FieldInput id={`${uid}-label`} field={LABEL} value={values.label} onChange={set('label')} error={errors.label} />
      </div>
      <div className="pd-field">
        <label className="pb-pay__mandate" htmlFor={`${uid}-mandate`}>
          <input
            id={`${uid}-mandate`}
            type="checkbox"
            checked={mandate}
            onChange={(e) => setMandate(e.target.checked)}
            aria-invalid={errors.mandate ? true : undefined}
            aria-describedby={errors.mandate ? `${uid}-mandate-error` : undefined}
          />
          <span>
            I authorise {creditor} to collect payments from this account by SEPA direct debit, and my bank to pay them. I can ask my bank for a refund within eight weeks of a debit.
          </span>
        </label>
        {errors.mandate ? (
          <span className="pd-field__error" id={`${uid}-mandate-error`}>
            {errors.mandate}
          </span>
        ) : null}
      </div>
      <FormFooter action={action} label="Add bank account" busyLabel="Saving…" onCancel={onClose} />
    </form>
  );
}

function MethodCard({ id, ctx, row, fields, can }: { id: string; ctx: RenderContext; row: RecordRow; fields: Map<string, FieldInfo>; can: Readonly<Record<string, boolean>> }) {
  const remove = useAction(ctx, id, 'remove');
  const makeDefault = useAction(ctx, id, 'setDefault');
  const [confirming, setConfirming] = useState(false);
  const isDefault = row.data.isDefault === true;
  const kindField = fields.get('kind');
  const kind = row.data.kind ? formatValue(kindField ?? { key: 'kind', label: 'Kind', type: 'text', required: false, editable: false }, row.data.kind, ctx.locale) : '';
  const name = str(row, 'label') || row.title || kind || 'Payment method';
  const masked = str(row, 'masked');
  const holder = str(row, 'holder');
  const expires = str(row, 'expires');

  return (
    <li className={`pb-pay__method${isDefault ? ' pb-pay__method--default' : ''}`}>
      <div className="pb-pay__method-main">
        <span className={`pb-pay__kind pb-pay__kind--${row.data.kind === 'card' ? 'card' : 'bank'}`} aria-hidden="true">
          {row.data.kind === 'card' ? 'CARD' : 'SEPA'}
        </span>
        <div className="pb-pay__method-text">
          <p className="pb-pay__method-name">
            {name}
            {isDefault ? <span className="pd-badge pd-badge--ok pb-pay__default">Default</span> : null}
          </p>
          {masked ? <p className="pb-pay__masked">{masked}</p> : null}
          <p className="pb-pay__details">
            {[kind, holder, expires ? `Expires ${expires}` : ''].filter(Boolean).join(' · ')}
          </p>
        </div>
      </div>
      <div className="pb-pay__method-actions">
        {can.setDefault && !isDefault ? (
          <button type="button" className="pb-btn pb-btn--secondary pb-btn--small" disabled={makeDefault.pending} onClick={() => void makeDefault.run({ id: row.id })}>
            Make default<span className="pb-sr-only">{`: ${name}`}</span>
          </button>
        ) : null}
        {can.remove && !confirming ? (
          <button type="button" className="pb-btn pb-btn--link pb-btn--small pb-pay__remove" onClick={() => setConfirming(true)}>
            Remove<span className="pb-sr-only">{` ${name}`}</span>
          </button>
        ) : null}
      </div>
      {confirming ? (
        <div className="pb-pay__confirm" role="group" aria-label={`Remove ${name}`}>
          <p>{`Remove ${name}?${isDefault ? ' Another method becomes the default.' : ''}`}</p>
          <div className="pd-actions">
            <button
              type="button"
              className="pb-btn pb-btn--primary pb-btn--small pb-pay__remove-solid"
              disabled={remove.pending}
              onClick={async () => {
                const r = await remove.run({ id: row.id });
                if (r.ok) setConfirming(false);
              }}
            >
              Remove
            </button>
            <button type="button" className="pb-btn pb-btn--secondary pb-btn--small" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        </div>
      ) : null}
      <div aria-live="polite">
        <ActionMessage outcome={remove.outcome ?? makeDefault.outcome} />
      </div>
    </li>
  );
}

function PaymentMethods({ id, props, data, can = {}, ctx }: RenderProps<PaymentMethodsProps>) {
  const uid = useId();
  const { open: adding, show, close, toggleRef } = useFormToggle();
  if (ctx.mode === 'builder' || data === undefined) {
    return (
      <div className="pb-pay">
        <BuilderSample title={props.heading || 'Payment methods'}>
          Lists the company’s payment methods (“{props.entityType}”): name, kind, masked number, expiry and the default one. Users whose role grants paymentMethods.manage
          add a SEPA direct debit (the IBAN is checked and stored masked only), choose the default or remove one.
        </BuilderSample>
      </div>
    );
  }
  const list = data as ListResult | { kind: 'error'; message: string } | null;
  if (!list) return <div className="pb-pay"><EmptyState>Sign in to see your payment methods.</EmptyState></div>;
  if (list.kind === 'error') return <div className="pb-pay"><EmptyState>{list.message}</EmptyState></div>;
  const fields = new Map(list.fields.map((f) => [f.key, f]));
  const items = [...list.items].sort((a, b) => Number(b.data.isDefault === true) - Number(a.data.isDefault === true));
  return (
    <section className="pb-pay" aria-labelledby={`${uid}-h`}>
      <div className="pb-pay__head">
        <div>
          <h2 className="pb-pay__title" id={`${uid}-h`}>
            {props.heading || 'Payment methods'}
          </h2>
          {props.intro ? <p className="pb-pay__intro">{props.intro}</p> : null}
        </div>
        {can.add && !adding ? (
          <button ref={toggleRef} type="button" className="pb-btn pb-btn--primary pb-btn--small" onClick={show}>
            Add bank account
          </button>
        ) : null}
      </div>
      {can.add && adding ? <AddSepaForm id={id} ctx={ctx} creditor={props.creditor || ctx.portal.name} onClose={close}
        /> : null}
      {items.length === 0 ? (
        <EmptyState>No payment method on file yet.</EmptyState>
      ) : (
        <ul className="pb-pay__list">
          {items.map((row) => (
            <MethodCard key={row.id} id={id} ctx={ctx} row={row} fields={fields} can={can} />
          ))}
        </ul>
      )}
    </section>
  );
}

export const paymentMethods = defineBlock({
  type: 'payment-methods',
  label: 'Payment methods',
  description: 'Bank accounts and cards on file; add a SEPA direct debit, choose the default.',
  category: 'self-service',
  icon: 'credit-card',
  props: paymentMethodsProps,
  requires: (p) => [{ entity: p.entityType, op: 'read' }],
  data: (p) => ({ kind: 'list', entityType: p.entityType, fields: [...FIELDS], limit: 50, sort: [{ field: 'createdAt', dir: 'asc' }] }),
  actions: {
    add: { label: 'Add a SEPA direct debit', input: addSepaInput, requires: () => [{ action: 'paymentMethods.manage' }] },
    remove: { label: 'Remove a payment method', input: methodInput, requires: () => [{ action: 'paymentMethods.manage' }] },
    setDefault: { label: 'Make a payment method the default', input: methodInput, requires: () => [{ action: 'paymentMethods.manage' }] },
  },
  Render: PaymentMethods,
});
