// API keys for the integration API (/api/v1): list, create with scopes and an optional expiry,
// revoke. A key's secret is shown once, right after it is created; the server keeps only its hash.
// Keys reach every record, so only owners and admins see and manage them.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Check, Copy, ExternalLink, KeyRound, Plus, TriangleAlert } from 'lucide-react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { api, errorMessage, useTRPC } from '../api';
import { formatAbsoluteTime, formatRelativeTime } from '../shell/format-time';
import { Dialog } from '../ui/dialog';
import { LoadError, LoadingRows } from '../ui/load-states';
import { toast } from '../ui/toasts';
import { useDataContext } from './data-queries';
import { controlAria, FormField } from './form-field';
import { issuesOf, sentence } from './issues';
import { ConfirmDialog } from '../ui/confirm-dialog';

type ApiKey = Awaited<ReturnType<typeof api.apiKeys.list.query>>[number];
type Scope = ApiKey['scopes'][number];

export const OPENAPI_URL = '/api/v1/openapi.json';

/** The scopes, in the order a key usually needs them; the descriptions follow the server's (services/api-keys.ts). */
export const SCOPES: readonly { scope: Scope; label: string; description: string }[] = [
  { scope: 'records:read', label: 'Read records', description: 'List and read records. Internal fields only with “Internal fields”.' },
  { scope: 'records:write', label: 'Write records', description: 'Create, change and upsert records; link contacts to accounts.' },
  { scope: 'records:delete', label: 'Delete records', description: 'Delete records.' },
  { scope: 'fields:internal', label: 'Internal fields', description: 'Read and write internal fields, which portals never show.' },
  { scope: 'types:read', label: 'Read types', description: 'Read entity type definitions and their JSON Schemas.' },
];

const EXPIRY = [
  { value: 'never', label: 'Never' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In a year' },
  { value: 'date', label: 'On a date…' },
] as const;
type Expiry = (typeof EXPIRY)[number]['value'];

/** The expiry to send: an ISO instant, or null for a key that does not expire. */
export function expiryOf(choice: Expiry, date: string, now = Date.now()): string | null {
  if (choice === 'never') return null;
  if (choice === 'date') return date ? new Date(`${date}T23:59:59`).toISOString() : '';
  return new Date(now + Number(choice) * 24 * 3600 * 1000).toISOString();
}

export function ApiKeys() {
  const { canWrite } = useDataContext();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  return (
    <div className="content dt-content dt-content--wide">
      <header className="page-header sh-page-header">
        <div>
          <h1>API keys</h1>
          <p className="sh-subtitle">
            Other systems — a CRM, billing, an ERP — read and write records through the integration API at <span className="mono">/api/v1</span>. Give each system its own key,
            with only the scopes it needs.
          </p>
        </div>
        <div className="dt-header-actions">
          <a className="btn btn--ghost" href={OPENAPI_URL} target="_blank" rel="noreferrer">
            <ExternalLink aria-hidden="true" />
            API reference (OpenAPI)
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
          {canWrite ? (
            <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
              <Plus aria-hidden="true" />
              New API key
            </button>
          ) : null}
        </div>
      </header>
      {canWrite ? (
        <KeyList onRevoke={setRevoking} onCreate={() => setCreating(true)} />
      ) : (
        <div className="card empty-state">
          <span className="sh-empty-icon" aria-hidden="true">
            <KeyRound />
          </span>
          <h2>Only owners and admins manage API keys</h2>
          <p>A key can read and change every record, so keys are kept to the people who manage the organisation’s data.</p>
        </div>
      )}
      <CreateKeyDialog open={creating} onClose={() => setCreating(false)} />
      <RevokeKeyDialog apiKey={revoking} onClose={() => setRevoking(null)} />
    </div>
  );
}

function KeyList({ onRevoke, onCreate }: { onRevoke: (k: ApiKey) => void; onCreate: () => void }) {
  const trpc = useTRPC();
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  if (keys.isPending) return <LoadingRows label="Loading the API keys" />;
  if (keys.isError) return <LoadError title="The API keys could not be loaded" error={keys.error} retry={() => void keys.refetch()} />;
  if (keys.data.length === 0) {
    return (
      <div className="card empty-state">
        <span className="sh-empty-icon" aria-hidden="true">
          <KeyRound />
        </span>
        <h2>No API keys yet</h2>
        <p>A key is shown once, when it is created, and can be revoked at any time.</p>
        <button type="button" className="btn btn--primary" onClick={onCreate}>
          <Plus aria-hidden="true" />
          New API key
        </button>
      </div>
    );
  }
  return (
    <table className="table dt-keys-table">
      <caption className="visually-hidden">API keys, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Scopes</th>
          <th scope="col">Created</th>
          <th scope="col">Last used</th>
          <th scope="col">Expires</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.data.map((k) => (
          <tr key={k.id} className={k.status !== 'active' ? 'dt-row--inactive' : undefined}>
            <td>
              <div className="dt-key-name">
                <span>{k.name}</span>
                {k.status === 'revoked' ? <span className="badge badge--danger">Revoked</span> : k.status === 'expired' ? <span className="badge badge--muted">Expired</span> : null}
              </div>
              <div className="sh-cell-sub mono">pk_{k.prefix}_…</div>
            </td>
            <td>
              <div className="dt-scope-chips">
                {k.scopes.map((s) => (
                  <span key={s} className="dt-scope mono">
                    {s}
                  </span>
                ))}
              </div>
            </td>
            <td>
              <time dateTime={k.createdAt} title={formatAbsoluteTime(k.createdAt)} className="dt-nowrap">
                {formatRelativeTime(k.createdAt)}
              </time>
              {k.createdBy ? <div className="sh-cell-sub">{k.createdBy}</div> : null}
            </td>
            <td className="dt-nowrap">
              {k.lastUsedAt ? (
                <time dateTime={k.lastUsedAt} title={formatAbsoluteTime(k.lastUsedAt)}>
                  {formatRelativeTime(k.lastUsedAt)}
                </time>
              ) : (
                <span className="muted">Never</span>
              )}
            </td>
            <td className="dt-nowrap">{k.expiresAt ? <time dateTime={k.expiresAt}>{formatAbsoluteTime(k.expiresAt)}</time> : <span className="muted">Never</span>}</td>
            <td className="sh-actions-cell">
              {k.status !== 'revoked' ? (
                <button type="button" className="btn btn--small" onClick={() => onRevoke(k)}>
                  Revoke<span className="visually-hidden"> {k.name}</span>
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CreateKeyDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const close = () => {
    setSecret(null);
    onClose();
  };
  return (
    <Dialog
      open={open}
      wide={secret !== null}
      title={secret ? `Copy the key “${secret.name}”` : 'New API key'}
      onClose={close}
      actions={
        secret ? (
          <button type="button" className="btn btn--primary" onClick={close}>
            I have copied the key
          </button>
        ) : (
          <>
            <button type="button" className="btn" onClick={close}>
              Cancel
            </button>
            <button type="submit" form="dt-new-key" className="btn btn--primary">
              Create key
            </button>
          </>
        )
      }
    >
      {secret ? <SecretOnce secret={secret.secret} /> : <NewKeyForm onCreated={setSecret} />}
    </Dialog>
  );
}

function NewKeyForm({ onCreated }: { onCreated: (s: { name: string; secret: string }) => void }) {
  const qc = useQueryClient();
  const trpc = useTRPC();
  const ids = useId();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['records:read']);
  const [expiry, setExpiry] = useState<Expiry>('never');
  const [date, setDate] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const expiresAt = expiryOf(expiry, date);
    if (expiresAt === '') return setErrors({ expiresAt: 'Choose the day the key stops working.' });
    setBusy(true);
    setErrors({});
    try {
      const created = await api.apiKeys.create.mutate({ name: name.trim(), scopes, expiresAt });
      await qc.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
      onCreated({ name: created.key.name, secret: created.secret });
    } catch (err) {
      const issues = issuesOf(err);
      const next: Record<string, string> = {};
      for (const i of issues) next[i.field.split('.')[0] || 'form'] = i.message;
      if (issues.length === 0) next[/expiresAt/.test(errorMessage(err)) ? 'expiresAt' : 'form'] = errorMessage(err).replace(/^expiresAt: /, '');
      setErrors(next);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form id="dt-new-key" className="sh-form" onSubmit={submit} noValidate aria-busy={busy}>
      <FormField id={`${ids}-name`} label="Name" help="Which system uses it, e.g. “CRM sync”." error={errors.name}>
        <input
          className="input"
          {...controlAria(`${ids}-name`, 'help', errors.name ?? null)}
          value={name}
          maxLength={80}
          autoFocus
          onChange={(e) => setName(e.target.value)}
        />
      </FormField>
      <fieldset className={`dt-scopes${errors.scopes ? ' dt-field--invalid' : ''}`} aria-describedby={errors.scopes ? `${ids}-scopes-error` : undefined}>
        <legend className="field__label">Scopes</legend>
        {SCOPES.map((s) => (
          <label key={s.scope} className="dt-scope-option">
            <input
              type="checkbox"
              className="dt-checkbox"
              checked={scopes.includes(s.scope)}
              onChange={(e) => setScopes((list) => (e.target.checked ? [...list, s.scope] : list.filter((x) => x !== s.scope)))}
            />
            <span>
              <span className="dt-scope-option__label">
                {s.label} <span className="mono muted">{s.scope}</span>
              </span>
              <span className="dt-scope-option__desc">{s.description}</span>
            </span>
          </label>
        ))}
        {errors.scopes ? (
          <span id={`${ids}-scopes-error`} className="field__error">
            {sentence(errors.scopes)}
          </span>
        ) : null}
      </fieldset>
      <div className="dt-grid dt-grid--2">
        <FormField id={`${ids}-expiry`} label="Expires" error={errors.expiresAt}>
          <select className="select" {...controlAria(`${ids}-expiry`, undefined, errors.expiresAt ?? null)} value={expiry} onChange={(e) => setExpiry(e.target.value as Expiry)}>
            {EXPIRY.map((x) => (
              <option key={x.value} value={x.value}>
                {x.label}
              </option>
            ))}
          </select>
        </FormField>
        {expiry === 'date' ? (
          <FormField id={`${ids}-date`} label="Last day">
            <input className="input" type="date" id={`${ids}-date`} value={date} min={new Date().toISOString().slice(0, 10)} onChange={(e) => setDate(e.target.value)} />
          </FormField>
        ) : null}
      </div>
      {errors.form ? (
        <p className="form-error" role="alert">
          {sentence(errors.form)}
        </p>
      ) : null}
    </form>
  );
}

function SecretOnce({ secret }: { secret: string }) {
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
      toast('API key copied');
    } catch {
      // Without clipboard access (http, permissions) select it, so Ctrl+C copies it.
      input.current?.select();
      toast('Press Ctrl+C (⌘C) to copy the selected key');
    }
  };
  return (
    <div className="sh-form">
      <p className="sh-callout sh-callout--warn dt-callout-icon" role="status">
        <TriangleAlert aria-hidden="true" />
        <span>
          <strong>You won’t see this key again.</strong> Copy it now into the other system’s secret settings. If it is lost, revoke it and create a new one.
        </span>
      </p>
      <div className="field">
        <label className="field__label" htmlFor="dt-secret">
          API key
        </label>
        <div className="dt-secret">
          <input id="dt-secret" ref={input} className="input mono dt-secret__value" readOnly value={secret} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="btn" onClick={() => void copy()}>
            {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
      </div>
      <p className="muted dt-small">
        Send it as <span className="mono">Authorization: Bearer {secret.slice(0, 12)}…</span>. The endpoints are described in the{' '}
        <a href={OPENAPI_URL} target="_blank" rel="noreferrer">
          OpenAPI document
        </a>
        .
      </p>
    </div>
  );
}

function RevokeKeyDialog({ apiKey, onClose }: { apiKey: ApiKey | null; onClose: () => void }) {
  const qc = useQueryClient();
  const trpc = useTRPC();
  const revoke = async () => {
    if (!apiKey) return;
    await api.apiKeys.revoke.mutate({ id: apiKey.id });
    await qc.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
    toast(`Revoked ${apiKey.name}`);
    onClose();
  };
  return (
    <ConfirmDialog open={apiKey !== null} title={`Revoke “${apiKey?.name ?? ''}”?`} confirmLabel="Revoke key" busyLabel="Revoking…" onClose={onClose} onConfirm={revoke}>
      <p>Requests with this key are refused from now on. This cannot be undone: a system that still needs access gets a new key.</p>
    </ConfirmDialog>
  );
}
