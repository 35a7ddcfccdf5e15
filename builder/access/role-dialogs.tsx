// The matrix's dialogs: a new role (created at once, optionally as a copy of another role's grants),
// renaming a role (a change to the draft, saved with the others), and deleting a role (at once,
// after saying who loses it and what that does to pages shown only to it).
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { api, errorMessage, useTRPC } from '../api';
import { controlAria, FormField } from '../entity-data/form-field';
import { issuesOf } from '../entity-data/issues';
import { Dialog } from '../ui/dialog';
import { toast } from '../ui/toasts';
import type { PortalRole } from './access-queries';
import { grantsOf, keyFromName, keyProblem, type RoleDraft } from './matrix-model';

export function NewRoleDialog({
  open,
  portalId,
  roles,
  drafts,
  onClose,
}: {
  open: boolean;
  portalId: string;
  roles: PortalRole[];
  /** The role as the matrix shows it now (unsaved edits included): what "copy of" copies. */
  drafts: (id: string) => RoleDraft;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const trpc = useTRPC();
  const ids = useId();
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [keyTouched, setKeyTouched] = useState(false);
  const [description, setDescription] = useState('');
  const [copyOf, setCopyOf] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setName('');
    setKey('');
    setKeyTouched(false);
    setDescription('');
    setCopyOf('');
    setErrors({});
  }, [open]);

  const shownKey = keyTouched ? key : keyFromName(name);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = 'a name is required';
    const kp = keyProblem(shownKey, roles.map((r) => r.key));
    if (kp) problems.key = kp;
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      const grants = copyOf ? grantsOf(drafts(copyOf)) : { entities: {}, actions: [] };
      await api.roles.create.mutate({ id: portalId, key: shownKey, name: name.trim(), description: description.trim(), grants });
      await qc.invalidateQueries({ queryKey: trpc.roles.pathKey() });
      toast(`Role “${name.trim()}” created`);
      onClose();
    } catch (err) {
      const next: Record<string, string> = {};
      for (const i of issuesOf(err)) next[i.field.split('.')[0] === 'grants' ? 'form' : i.field.split('.')[0] || 'form'] = i.message;
      if (!Object.keys(next).length) next[/key/.test(errorMessage(err)) ? 'key' : 'form'] = errorMessage(err);
      setErrors(next);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      title="New role"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${ids}-form`} className="btn btn--primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create role'}
          </button>
        </>
      }
    >
      <form id={`${ids}-form`} className="sh-form" onSubmit={submit} noValidate aria-busy={busy}>
        <FormField id={`${ids}-name`} label="Name" help="What admins and the Users section call it, e.g. “Site manager”." error={errors.name} required>
          <input className="input" {...controlAria(`${ids}-name`, 'help', errors.name ?? null)} value={name} maxLength={80} autoFocus onChange={(e) => setName(e.target.value)} />
        </FormField>
        <FormField id={`${ids}-key`} label="Key" help="Pages and blocks name this key in their visibility. It cannot change later." error={errors.key} required>
          <input
            className="input mono"
            {...controlAria(`${ids}-key`, 'help', errors.key ?? null)}
            value={shownKey}
            maxLength={64}
            spellCheck={false}
            onChange={(e) => {
              setKeyTouched(true);
              setKey(e.target.value);
            }}
          />
        </FormField>
        <FormField id={`${ids}-desc`} label="Description" error={errors.description}>
          <textarea className="textarea ac-textarea" {...controlAria(`${ids}-desc`, undefined, errors.description ?? null)} value={description} maxLength={300} onChange={(e) => setDescription(e.target.value)} />
        </FormField>
        <FormField id={`${ids}-copy`} label="Start from" help="Copies the grants of a role as the matrix shows them now; or start with nothing granted.">
          <select className="select" {...controlAria(`${ids}-copy`, 'help', null)} value={copyOf} onChange={(e) => setCopyOf(e.target.value)}>
            <option value="">Nothing granted</option>
            {roles.map((r) => (
              <option key={r.id} value={r.id}>
                A copy of {drafts(r.id).name}
              </option>
            ))}
          </select>
        </FormField>
        {errors.form ? (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}

export function RenameRoleDialog({
  role,
  draft,
  onClose,
  onApply,
}: {
  role: PortalRole | null;
  draft: RoleDraft | null;
  onClose: () => void;
  onApply: (name: string, description: string) => void;
}) {
  const ids = useId();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!draft) return;
    setName(draft.name);
    setDescription(draft.description);
    setError(null);
    // Only when the dialog opens for a role, not while the matrix changes underneath.
  }, [role?.id]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError('a name is required');
    onApply(name.trim(), description.trim());
    onClose();
  };
  return (
    <Dialog
      open={role !== null}
      title={`Rename “${draft?.name ?? ''}”`}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${ids}-form`} className="btn btn--primary">
            Apply
          </button>
        </>
      }
    >
      <form id={`${ids}-form`} className="sh-form" onSubmit={submit} noValidate>
        <p className="muted sh-dialog-lead">
          The key <span className="mono">{role?.key}</span> stays as it is: pages and blocks name it. The new name is saved with the other changes.
        </p>
        <FormField id={`${ids}-name`} label="Name" error={error} required>
          <input className="input" {...controlAria(`${ids}-name`, undefined, error)} value={name} maxLength={80} autoFocus onChange={(e) => setName(e.target.value)} />
        </FormField>
        <FormField id={`${ids}-desc`} label="Description">
          <textarea className="textarea ac-textarea" id={`${ids}-desc`} value={description} maxLength={300} onChange={(e) => setDescription(e.target.value)} />
        </FormField>
      </form>
    </Dialog>
  );
}

export function DeleteRoleDialog({ portalId, role, onClose, onDeleted }: { portalId: string; role: PortalRole | null; onClose: () => void; onDeleted: (id: string) => void }) {
  const qc = useQueryClient();
  const trpc = useTRPC();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  const remove = async () => {
    if (!role) return;
    setBusy(true);
    setError(null);
    try {
      await api.roles.delete.mutate({ id: portalId, roleId: role.id });
      onDeleted(role.id);
      await Promise.all([qc.invalidateQueries({ queryKey: trpc.roles.pathKey() }), qc.invalidateQueries({ queryKey: trpc.portalUsers.pathKey() })]);
      toast(`Role “${role.name}” deleted`);
      close();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const users = role?.userCount ?? 0;
  return (
    <Dialog
      open={role !== null}
      title={`Delete the role “${role?.name ?? ''}”?`}
      onClose={close}
      actions={
        <>
          <button type="button" className="btn" onClick={close} autoFocus>
            Cancel
          </button>
          <button type="button" className="btn btn--danger" onClick={() => void remove()} disabled={busy}>
            {busy ? 'Deleting…' : 'Delete role'}
          </button>
        </>
      }
    >
      <div className="sh-prose">
        <p>
          {users === 0
            ? 'No user holds this role on their own.'
            : `${users} user${users === 1 ? ' holds' : 's hold'} this role and lose${users === 1 ? 's' : ''} what it grants at their next request.`}
          {role?.isDefault ? ' It is a default role, so every user of the portal loses it.' : ''}
        </p>
        <p>
          Pages and blocks shown only to <span className="mono">{role?.key}</span> are hidden from everyone until you change their visibility. Unsaved changes to this role are
          dropped. This cannot be undone.
        </p>
        {error ? (
          <p className="sh-callout sh-callout--danger" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </Dialog>
  );
}
