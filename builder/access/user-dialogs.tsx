// The Users section's dialogs: invite one person (optionally picked from the contacts, which fills
// in the name and email), invite many from a CSV file (all or nothing, with the server's report),
// change roles, link a contact, send or resend an invitation, and disable or enable — each saying
// what happens to the person before it happens.
import { useQuery } from '@tanstack/react-query';
import { CircleCheck, FileUp } from 'lucide-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api, errorCode, errorMessage, useTRPC } from '../api';
import { controlAria, FormField } from '../entity-data/form-field';
import { formatBytes } from '../entity-data/format-value';
import { IssueTable } from '../entity-data/import-dialog';
import { issuesOf, sentence, type Issue } from '../entity-data/issues';
import { RecordPicker } from '../entity-data/record-picker';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { Dialog } from '../ui/dialog';
import { toast } from '../ui/toasts';
import { invitationState, useRefreshAccess, type PortalRole, type PortalUser } from './access-queries';

const CONTACT_LABEL = { singular: 'contact', plural: 'contacts' };

/** Checkboxes for a user's own roles; default roles are shown held, since every user holds them. */
function RoleChoices({
  roles,
  value,
  onChange,
  labelledBy,
  columns = 1,
}: {
  roles: PortalRole[];
  value: string[];
  onChange: (ids: string[]) => void;
  labelledBy: string;
  /** Two columns keep a long form short; descriptions are then cut to one line (in full on hover). */
  columns?: 1 | 2;
}) {
  if (roles.length === 0) return <p className="muted ac-small">This portal has no roles yet: create them in the Roles section.</p>;
  return (
    <div className={`ac-role-choices${columns === 2 ? ' ac-role-choices--2' : ''}`} role="group" aria-labelledby={labelledBy}>
      {roles.map((r) => (
        <label key={r.id} className={`dt-scope-option${r.isDefault ? ' ac-role-choice--default' : ''}`} title={r.description || undefined}>
          <input
            type="checkbox"
            className="dt-checkbox"
            checked={r.isDefault || value.includes(r.id)}
            disabled={r.isDefault}
            onChange={(e) => onChange(e.target.checked ? [...value, r.id] : value.filter((x) => x !== r.id))}
          />
          <span className="ac-role-choice__text">
            <span className="dt-scope-option__label">
              {r.name}
              {r.isDefault ? <span className="badge badge--muted ac-badge-inline">Default</span> : null}
            </span>
            <span className="dt-scope-option__desc">{r.isDefault ? 'Every user holds the default roles.' : r.description || <span className="mono">{r.key}</span>}</span>
          </span>
        </label>
      ))}
    </div>
  );
}

export function InviteDialog({ open, portalId, roles, onClose }: { open: boolean; portalId: string; roles: PortalRole[]; onClose: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshAccess();
  const ids = useId();
  const [contact, setContact] = useState<string[]>([]);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [roleIds, setRoleIds] = useState<string[]>([]);
  const [send, setSend] = useState(true);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const picked = useQuery({ ...trpc.records.get.queryOptions({ type: 'contact', id: contact[0] ?? '' }), enabled: contact.length === 1 });

  const emailInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!open) return;
    setContact([]);
    setEmail('');
    setName('');
    setRoleIds([]);
    setSend(true);
    setErrors({});
    // The dialog focuses its first control, the contact search, whose list would then cover the
    // form; start at the email instead (this effect runs after the dialog has opened).
    emailInput.current?.focus();
  }, [open]);

  // Picking a contact fills in what is still empty: the person is usually who the contact is.
  const filledFrom = useRef<string | null>(null);
  useEffect(() => {
    const c = picked.data;
    if (!c || filledFrom.current === c.id) return;
    filledFrom.current = c.id;
    if (!name.trim() && typeof c.data.name === 'string') setName(c.data.name);
    if (!email.trim() && typeof c.data.email === 'string') setEmail(c.data.email);
  }, [picked.data, name, email]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors({});
    try {
      const user = await api.portalUsers.create.mutate({ id: portalId, email, name, contactId: contact[0] ?? null, roleIds, invite: send });
      await refresh();
      toast(send ? `Invitation sent to ${user.email}` : `${user.email} added; send the invitation when you are ready`);
      onClose();
    } catch (err) {
      const next: Record<string, string> = {};
      for (const i of issuesOf(err)) next[i.field.split('.')[0] || 'form'] = i.message;
      if (Object.keys(next).length === 0) {
        const message = errorMessage(err);
        next[/contact/i.test(message) ? 'contact' : errorCode(err) === 'CONFLICT' ? 'email' : 'form'] = message;
      }
      setErrors(next);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      wide
      title="Invite a user"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${ids}-form`} className="btn btn--primary" disabled={busy}>
            {busy ? 'Saving…' : send ? 'Send invitation' : 'Add user'}
          </button>
        </>
      }
    >
      <form id={`${ids}-form`} className="sh-form" onSubmit={submit} noValidate aria-busy={busy}>
        <p className="muted sh-dialog-lead">They get an email with a link to choose their password. The link works for 7 days; you can send a new one at any time.</p>
        <FormField id={`${ids}-contact`} label="Contact" help="Optional. Linked to a contact, the user sees their own and their company’s records." error={errors.contact ?? errors.contactId} group>
          <RecordPicker
            id={`${ids}-contact`}
            target="contact"
            targetLabel={CONTACT_LABEL}
            value={contact}
            multiple={false}
            onChange={setContact}
            labelledBy={`${ids}-contact-label`}
            describedBy={`${ids}-contact-help`}
            invalid={Boolean(errors.contact ?? errors.contactId)}
            placeholder="Search contacts by name or email…"
          />
        </FormField>
        <div className="dt-grid dt-grid--2">
          <FormField id={`${ids}-email`} label="Email" error={errors.email} required>
            <input
              ref={emailInput}
              className="input"
              type="email"
              {...controlAria(`${ids}-email`, undefined, errors.email ?? null)}
              value={email}
              maxLength={254}
              autoComplete="off"
              onChange={(e) => setEmail(e.target.value)}
            />
          </FormField>
          <FormField id={`${ids}-name`} label="Name" error={errors.name} required>
            <input className="input" {...controlAria(`${ids}-name`, undefined, errors.name ?? null)} value={name} maxLength={120} autoComplete="off" onChange={(e) => setName(e.target.value)} />
          </FormField>
        </div>
        <div className={`field${errors.roleIds ? ' dt-field--invalid' : ''}`}>
          <span className="field__label" id={`${ids}-roles`}>
            Roles
          </span>
          <RoleChoices roles={roles} value={roleIds} onChange={setRoleIds} labelledBy={`${ids}-roles`} columns={2} />
          {errors.roleIds ? <span className="field__error">{sentence(errors.roleIds)}</span> : null}
        </div>
        <label className="checkbox">
          <input type="checkbox" className="dt-checkbox" checked={send} onChange={(e) => setSend(e.target.checked)} />
          Send the invitation email now
        </label>
        {errors.form ? (
          <p className="form-error" role="alert">
            {sentence(errors.form)}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}

type ImportState = { step: 'choose' } | { step: 'busy' } | { step: 'done'; total: number; invited: number } | { step: 'failed'; message: string; issues: Issue[] };

export function ImportUsersDialog({ open, portalId, roles, onClose }: { open: boolean; portalId: string; roles: PortalRole[]; onClose: () => void }) {
  const refresh = useRefreshAccess();
  const ids = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [invite, setInvite] = useState(true);
  const [state, setState] = useState<ImportState>({ step: 'choose' });
  const [fileError, setFileError] = useState<string | null>(null);

  const reset = () => {
    setFile(null);
    setState({ step: 'choose' });
    setFileError(null);
    if (input.current) input.current.value = '';
  };
  const close = () => {
    reset();
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setFileError('Choose a CSV file.');
    setState({ step: 'busy' });
    let content: string;
    try {
      content = await file.text();
    } catch {
      setState({ step: 'choose' });
      return setFileError('The file could not be read.');
    }
    try {
      const r = await api.portalUsers.importCsv.mutate({ id: portalId, content, invite });
      await refresh();
      setState({ step: 'done', total: r.total, invited: r.invited });
    } catch (err) {
      setState({ step: 'failed', message: errorMessage(err), issues: issuesOf(err) });
    }
  };

  const failed = state.step === 'failed' ? state : null;
  return (
    <Dialog
      open={open}
      wide
      title="Invite users from a CSV file"
      onClose={close}
      actions={
        state.step === 'done' ? (
          <button type="button" className="btn btn--primary" onClick={close} autoFocus>
            Done
          </button>
        ) : failed ? (
          <>
            <button type="button" className="btn" onClick={close}>
              Close
            </button>
            <button type="button" className="btn btn--primary" onClick={reset} autoFocus>
              Choose another file
            </button>
          </>
        ) : (
          <>
            <button type="button" className="btn" onClick={close}>
              Cancel
            </button>
            <button type="submit" form={`${ids}-form`} className="btn btn--primary" disabled={state.step === 'busy'}>
              {state.step === 'busy' ? 'Checking and inviting…' : invite ? 'Import and invite' : 'Import'}
            </button>
          </>
        )
      }
    >
      {state.step === 'done' ? (
        <div className="dt-import-done" role="status">
          <CircleCheck aria-hidden="true" />
          <div>
            <p className="dt-import-done__title">
              Added {state.total.toLocaleString()} user{state.total === 1 ? '' : 's'}
            </p>
            <p className="muted">{state.invited ? `${state.invited.toLocaleString()} invitations are on their way.` : 'No invitations were sent; send them from each user’s menu.'}</p>
          </div>
        </div>
      ) : failed ? (
        <div className="dt-import-report">
          <div className="sh-callout sh-callout--danger" role="alert">
            <strong>Nobody was invited{file ? ` from ${file.name}` : ''}.</strong> {failed.issues.length ? sentence(failed.message.replace(/; nobody was invited\.?/, '.')) : sentence(failed.message)}
            {failed.issues.length ? ' Fix the file and import it again.' : ''}
          </div>
          {failed.issues.length ? <IssueTable issues={failed.issues} column="Column" /> : null}
        </div>
      ) : (
        <form id={`${ids}-form`} className="sh-form" onSubmit={submit} noValidate aria-busy={state.step === 'busy'}>
          <p className="muted sh-dialog-lead">Every row is checked first: if any row has a problem, nobody is added and you get a list of what to fix.</p>
          <div className={`field${fileError ? ' dt-field--invalid' : ''}`}>
            <span className="field__label" id={`${ids}-file-label`}>
              File
            </span>
            <div className={`dt-dropzone${file ? ' dt-dropzone--chosen' : ''}`}>
              <FileUp aria-hidden="true" />
              <div className="dt-dropzone__text">
                {file ? (
                  <>
                    <strong>{file.name}</strong>
                    <span className="muted"> · {formatBytes(file.size)}</span>
                  </>
                ) : (
                  <span className="muted">A .csv file, one user per row</span>
                )}
              </div>
              <input
                ref={input}
                type="file"
                className="visually-hidden"
                tabIndex={-1}
                accept=".csv,text/csv"
                aria-labelledby={`${ids}-file-label`}
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  setFileError(null);
                }}
              />
              <button type="button" className="btn btn--small" onClick={() => input.current?.click()} aria-describedby={`${ids}-file-label`}>
                {file ? 'Choose another…' : 'Choose file…'}
              </button>
            </div>
            {fileError ? (
              <span className="field__error" role="alert">
                {fileError}
              </span>
            ) : null}
          </div>
          <div className="dt-columns-hint">
            <span className="field__label">Columns</span>
            <p className="mono">email, name, roles, contactExternalId</p>
            <p className="field__help">
              Only <span className="mono">email</span> is required. <span className="mono">roles</span> holds role keys separated by <span className="mono">;</span>
              {roles.length ? (
                <>
                  {' '}
                  (here: <span className="mono">{roles.map((r) => r.key).join(', ')}</span>)
                </>
              ) : null}
              . <span className="mono">contactExternalId</span> links the user to the contact with that external id, whose name is used when the name is empty.
            </p>
          </div>
          <label className="checkbox">
            <input type="checkbox" className="dt-checkbox" checked={invite} onChange={(e) => setInvite(e.target.checked)} />
            Send each user the invitation email
          </label>
        </form>
      )}
    </Dialog>
  );
}

/** After a per-user change: the message, the dialog closed, the lists read again. */
function useDone(onClose: () => void) {
  const refresh = useRefreshAccess();
  return async (message: string) => {
    await refresh();
    toast(message);
    onClose();
  };
}

export function RolesDialog({ portalId, user, roles, onClose }: { portalId: string; user: PortalUser | null; roles: PortalRole[]; onClose: () => void }) {
  const ids = useId();
  const [value, setValue] = useState<string[]>([]);
  const done = useDone(onClose);
  useEffect(() => {
    setValue(user?.roles.map((r) => r.id) ?? []);
    // Only when the dialog opens for a user.
  }, [user?.id]);
  const save = async () => {
    if (!user) return;
    // Default roles reach everyone; only the others are the user's own.
    await api.portalUsers.setRoles.mutate({ id: portalId, userId: user.id, roleIds: value.filter((id) => !roles.find((r) => r.id === id)?.isDefault) });
    await done(`Roles of ${user.name} saved`);
  };
  return (
    <ConfirmDialog open={user !== null} title={`Roles of ${user?.name ?? ''}`} confirmLabel="Save roles" busyLabel="Saving…" tone="primary" form onClose={onClose} onConfirm={save}>
      <p className="muted sh-dialog-lead">The change applies at their next request; they stay signed in.</p>
      <span className="visually-hidden" id={`${ids}-roles`}>
        Roles
      </span>
      <RoleChoices roles={roles} value={value} onChange={setValue} labelledBy={`${ids}-roles`} />
    </ConfirmDialog>
  );
}

export function ContactDialog({ portalId, user, onClose }: { portalId: string; user: PortalUser | null; onClose: () => void }) {
  const ids = useId();
  const [value, setValue] = useState<string[]>([]);
  const done = useDone(onClose);
  useEffect(() => {
    setValue(user?.contact ? [user.contact.id] : []);
    // Only when the dialog opens for a user.
  }, [user?.id]);
  const next = value[0] ?? null;
  const save = async () => {
    if (!user) return;
    await api.portalUsers.linkContact.mutate({ id: portalId, userId: user.id, contactId: next });
    await done(next ? `${user.name} linked to the contact` : `${user.name} unlinked`);
  };
  return (
    <ConfirmDialog
      open={user !== null}
      title={`Contact of ${user?.name ?? ''}`}
      confirmLabel={next ? 'Link contact' : 'Unlink contact'}
      busyLabel="Saving…"
      tone="primary"
      form
      disabled={next === (user?.contact?.id ?? null)}
      onClose={onClose}
      onConfirm={save}
    >
      <p className="muted sh-dialog-lead">
        The contact decides which records “contact” and “account” levels reach: the contact’s own, and those of the contact’s accounts. One user per contact in a portal.
      </p>
      <FormField id={`${ids}-contact`} label="Contact" group>
        <RecordPicker
          id={`${ids}-contact`}
          target="contact"
          targetLabel={CONTACT_LABEL}
          value={value}
          multiple={false}
          onChange={setValue}
          labelledBy={`${ids}-contact-label`}
          placeholder="Search contacts by name or email…"
        />
      </FormField>
    </ConfirmDialog>
  );
}

export function SendInviteDialog({ portalId, user, onClose }: { portalId: string; user: PortalUser | null; onClose: () => void }) {
  const done = useDone(onClose);
  const state = user ? invitationState(user) : null;
  const resend = state === 'pending' || state === 'expired';
  const send = async () => {
    if (!user) return;
    const input = { id: portalId, userId: user.id };
    await (resend ? api.portalUsers.resendInvite.mutate(input) : api.portalUsers.invite.mutate(input));
    await done(`Invitation sent to ${user.email}`);
  };
  return (
    <ConfirmDialog
      open={user !== null}
      title={resend ? `Resend the invitation to ${user?.name ?? ''}?` : `Invite ${user?.name ?? ''}?`}
      confirmLabel="Send invitation"
      busyLabel="Sending…"
      tone="primary"
      onClose={onClose}
      onConfirm={send}
    >
      <p>
        An email with a new link goes to <strong>{user?.email}</strong>.{' '}
        {resend ? 'The link in the earlier invitation stops working.' : user?.status === 'disabled' ? 'They can sign in again once they accept it.' : ''}
      </p>
    </ConfirmDialog>
  );
}

export function StatusDialog({ portalId, user, onClose }: { portalId: string; user: PortalUser | null; onClose: () => void }) {
  const done = useDone(onClose);
  const disabling = user?.status !== 'disabled';
  const sessions = user?.activeSessions ?? 0;
  const apply = async () => {
    if (!user) return;
    await api.portalUsers.setStatus.mutate({ id: portalId, userId: user.id, status: disabling ? 'disabled' : 'active' });
    await done(disabling ? `${user.name} is disabled and signed out` : `${user.name} is enabled`);
  };
  return (
    <ConfirmDialog
      open={user !== null}
      title={disabling ? `Disable ${user?.name ?? ''}?` : `Enable ${user?.name ?? ''}?`}
      confirmLabel={disabling ? 'Disable user' : 'Enable user'}
      busyLabel="Saving…"
      tone={disabling ? 'danger' : 'primary'}
      onClose={onClose}
      onConfirm={apply}
    >
      {disabling ? (
        <>
          <p>
            {user?.name} is signed out at their next request
            {sessions ? ` (signed in on ${sessions === 1 ? 'one device' : `${sessions} devices`} now)` : ''} and cannot sign in until you enable them again. Open invitation and
            password links stop working.
          </p>
          <p className="muted">Their roles and contact stay as they are.</p>
        </>
      ) : (
        <p>{user?.name} can sign in again with their password. If they never accepted their invitation, they are invited again and need a new invitation email.</p>
      )}
    </ConfirmDialog>
  );
}
