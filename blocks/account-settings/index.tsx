// Account settings: the signed-in user's company (their contact's first account): name, customer
// number, general contact details and billing address, as far as their role may read them. Two
// small forms, each saving only its own fields: email and phone (account.edit) and the billing
// address (billing.edit). The server writes to the user's own account, never to one named by the
// browser.
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { z } from 'zod';
import type { FieldInfo, RecordResult } from '../../core';
import { ActionMessage, BuilderSample, EmptyState, FieldValue } from '../_lib/data-kit';
import { defineBlock, type RenderContext, type RenderProps } from '../_lib/define-block';
import { FieldInput, toSubmitValue } from '../_lib/field-input';
import { useAction } from '../_lib/use-action';

export const ACCOUNT_FIELDS = ['name', 'number', 'email', 'phone', 'billingAddress'] as const;
export const CONTACT_FIELDS = ['email', 'phone'] as const;

export const accountSettingsProps = z
  .object({
    heading: z.string().trim().max(120).default('Company details').meta({ label: 'Heading' }),
    contactHeading: z.string().trim().max(80).default('General contact').meta({ label: 'Contact section heading' }),
    billingHeading: z.string().trim().max(80).default('Billing address').meta({ label: 'Billing section heading' }),
  })
  .strict();
export type AccountSettingsProps = z.output<typeof accountSettingsProps>;

const address = z
  .object({
    street: z.string().max(200).optional(),
    postalCode: z.string().max(20).optional(),
    city: z.string().max(100).optional(),
    region: z.string().max(100).optional(),
    country: z.string().max(2).optional(),
  })
  .strict();
export const saveContactInput = z.object({ email: z.string().max(254).optional(), phone: z.string().max(40).optional() }).strict();
export const saveBillingInput = z.object({ billingAddress: address.nullable() }).strict();

type Section = 'contact' | 'billing';

function EditForm({ id, ctx, action, fields, values, onDone }: { id: string; ctx: RenderContext; action: Section; fields: FieldInfo[]; values: Record<string, unknown>; onDone: (saved: boolean) => void }) {
  const uid = useId();
  const run = useAction(ctx, id, action === 'contact' ? 'saveContact' : 'saveBilling');
  const [draft, setDraft] = useState<Record<string, unknown>>(() => Object.fromEntries(fields.map((f) => [f.key, values[f.key] ?? (f.type === 'address' ? null : '')])));

  // Opened by an Edit button: the keyboard continues in the form's first field.
  const firstId = `${uid}-${fields[0]?.key ?? ''}`;
  useEffect(() => document.getElementById(firstId)?.focus(), [firstId]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input =
      action === 'contact'
        ? Object.fromEntries(fields.map((f) => [f.key, (toSubmitValue(f, draft[f.key]) as string | null) ?? '']))
        : { billingAddress: toSubmitValue(fields[0]!, draft.billingAddress) };
    const outcome = await run.run(input);
    if (outcome.ok) onDone(true);
  };

  return (
    <form className="pb-acct__form" onSubmit={submit} noValidate>
      {fields.map((f) => (
        <FieldInput key={f.key} id={`${uid}-${f.key}`} field={{ ...f, required: false }} value={draft[f.key]} onChange={(v) => setDraft((d) => ({ ...d, [f.key]: v }))} error={run.issues[f.key]} />
      ))}
      <div aria-live="polite">
        <ActionMessage outcome={run.outcome && !run.outcome.ok ? run.outcome : null} />
      </div>
      <div className="pd-actions">
        <button type="submit" className="pb-btn pb-btn--primary pb-btn--small" disabled={run.pending}>
          {run.pending ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="pb-btn pb-btn--secondary pb-btn--small" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Card({ title, titleId, action, children }: { title: string; titleId: string; action?: ReactNode; children: ReactNode }) {
  return (
    <section className="pb-acct__card" aria-labelledby={titleId}>
      <div className="pb-acct__card-head">
        <h3 className="pb-acct__card-title" id={titleId}>
          {title}
        </h3>
        {action}
      </div>
      {children}
    </section>
  );
}

function AccountSettings({ id, props, data, can = {}, ctx }: RenderProps<AccountSettingsProps>) {
  const uid = useId();
  const [editing, setEditing] = useState<Section | null>(null);
  const [saved, setSaved] = useState<Section | null>(null);
  const returnTo = useRef<Section | null>(null);
  // A closed form gives the focus back to its Edit button.
  useEffect(() => {
    if (editing === null && returnTo.current) document.getElementById(`${uid}-edit-${returnTo.current}`)?.focus();
    returnTo.current = null;
  }, [editing, uid]);
  if (ctx.mode === 'builder' || data === undefined) {
    return (
      <div className="pb-acct">
        <BuilderSample title={props.heading || 'Company details'}>
          Shows the signed-in user’s company: name, customer number, email, phone and billing address (the fields their role may read). Users with account.edit change
          the email and phone; users with billing.edit change the billing address.
        </BuilderSample>
      </div>
    );
  }
  const result = data as RecordResult | { kind: 'error'; message: string } | null;
  if (!result) return <div className="pb-acct"><EmptyState>Your user is not linked to a company yet. Please contact customer service.</EmptyState></div>;
  if (result.kind === 'error') return <div className="pb-acct"><EmptyState>{result.message}</EmptyState></div>;
  const row = result.record;
  if (!row) return <div className="pb-acct"><EmptyState>Your company’s details are not available to your role.</EmptyState></div>;
  const byKey = new Map(result.fields.map((f) => [f.key, f]));
  const pick = (keys: readonly string[]) => keys.map((k) => byKey.get(k)).filter((f): f is FieldInfo => !!f);
  const company = pick(['name', 'number']);
  const contact = pick(CONTACT_FIELDS);
  const billing = pick(['billingAddress']);

  const list = (fields: FieldInfo[]) =>
    fields.length === 1 && fields[0]!.type === 'address' ? (
      <p className="pb-acct__address">
        <FieldValue field={fields[0]!} row={row} ctx={ctx} titles={result.titles} />
      </p>
    ) : (
      <dl className="pb-acct__dl">
        {fields.map((f) => (
          <div key={f.key} className="pb-acct__row">
            <dt>{f.label}</dt>
            <dd>
              <FieldValue field={f} row={row} ctx={ctx} titles={result.titles} />
            </dd>
          </div>
        ))}
      </dl>
    );
  const editButton = (section: Section, label: string) => (
    <button
      id={`${uid}-edit-${section}`}
      type="button"
      className="pb-btn pb-btn--secondary pb-btn--small"
      onClick={() => {
        setSaved(null);
        setEditing(section);
      }}
    >
      Edit<span className="pb-sr-only">{` ${label}`}</span>
    </button>
  );
  const done = (section: Section, ok: boolean) => {
    returnTo.current = section;
    setEditing(null);
    setSaved(ok ? section : null);
  };
  const savedNote = (section: Section) =>
    saved === section ? (
      <p className="pd-message pd-message--ok" role="status">
        Saved.
      </p>
    ) : null;

  return (
    <section className="pb-acct" aria-labelledby={`${uid}-h`}>
      <h2 className="pb-acct__title" id={`${uid}-h`}>
        {props.heading || 'Company details'}
      </h2>
      <div className="pb-acct__grid">
        {company.length ? <Card title="Company" titleId={`${uid}-company`}>{list(company)}</Card> : null}
        {contact.length ? (
          <Card title={props.contactHeading || 'General contact'} titleId={`${uid}-contact`} action={can.saveContact && editing !== 'contact' ? editButton('contact', props.contactHeading) : null}>
            {editing === 'contact' ? (
              <EditForm id={id} ctx={ctx} action="contact" fields={contact} values={row.data} onDone={(ok) => done('contact', ok)} />
            ) : (
              list(contact)
            )}
            <div aria-live="polite">{savedNote('contact')}</div>
          </Card>
        ) : null}
        {billing.length ? (
          <Card title={props.billingHeading || 'Billing address'} titleId={`${uid}-billing`} action={can.saveBilling && editing !== 'billing' ? editButton('billing', props.billingHeading) : null}>
            {editing === 'billing' ? (
              <EditForm id={id} ctx={ctx} action="billing" fields={billing} values={row.data} onDone={(ok) => done('billing', ok)} />
            ) : (
              list(billing)
            )}
            <div aria-live="polite">{savedNote('billing')}</div>
          </Card>
        ) : null}
      </div>
    </section>
  );
}

export const accountSettings = defineBlock({
  type: 'account-settings',
  label: 'Company details',
  description: 'The signed-in user’s company: contact details and billing address, editable by permitted roles.',
  category: 'self-service',
  icon: 'building',
  props: accountSettingsProps,
  requires: () => [{ entity: 'account', op: 'read' }],
  data: () => ({ kind: 'account', fields: [...ACCOUNT_FIELDS] }),
  actions: {
    saveContact: { label: 'Change the company’s email and phone', input: saveContactInput, requires: () => [{ action: 'account.edit' }] },
    saveBilling: { label: 'Change the billing address', input: saveBillingInput, requires: () => [{ action: 'billing.edit' }] },
  },
  Render: AccountSettings,
});
