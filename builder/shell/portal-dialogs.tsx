// The portal list's dialogs: create a portal, rename one, archive one (with what that means spelt out).
import { useId, useState, type FormEvent } from 'react';
import { api, errorCode, errorMessage } from '../api';
import { hrefs, navigate } from '../router';
import { Dialog } from '../ui/dialog';
import { toast } from '../ui/toasts';
import { useRefreshPortals, type PortalSummary } from './portal-queries';
import { slugProblem, suggestSlug } from './slug';
import './shell.css';
import { SlugField } from './slug-field';
import { ConfirmDialog } from '../ui/confirm-dialog';

export function NewPortalDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      title="New portal"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="sh-new-portal" className="btn btn--primary">
            Create portal
          </button>
        </>
      }
    >
      <NewPortalForm onClose={onClose} />
    </Dialog>
  );
}

function NewPortalForm({ onClose }: { onClose: () => void }) {
  const refresh = useRefreshPortals();
  const ids = useId();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  // The slug follows the name until someone edits it.
  const [slugTouched, setSlugTouched] = useState(false);
  const [makeDefault, setMakeDefault] = useState(false);
  const [errors, setErrors] = useState<{ name?: string; slug?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const effectiveSlug = slugTouched ? slug : suggestSlug(name);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const next = { name: name.trim() ? undefined : 'Give the portal a name.', slug: slugProblem(effectiveSlug) ?? undefined };
    setErrors(next);
    if (next.name || next.slug) return;
    setBusy(true);
    try {
      const portal = await api.portals.create.mutate({ name: name.trim(), slug: effectiveSlug, ...(makeDefault ? { makeDefault } : {}) });
      await refresh();
      toast(`Created ${portal.name}`);
      onClose();
      navigate(hrefs.section(portal.id, 'pages'));
    } catch (err) {
      // A taken slug is CONFLICT; anything else about the slug names it in the message.
      if (errorCode(err) === 'CONFLICT' || /slug/i.test(errorMessage(err))) setErrors({ slug: errorMessage(err) });
      else setErrors({ form: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form id="sh-new-portal" className="sh-form" onSubmit={submit} noValidate aria-busy={busy}>
      <p className="muted sh-dialog-lead">A new portal starts with a blank home page and the default theme. Nobody can see it until you publish it.</p>
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-name`}>
          Name
        </label>
        <input
          id={`${ids}-name`}
          className="input"
          value={name}
          maxLength={120}
          autoFocus
          placeholder="Customer Portal"
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? `${ids}-name-error` : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        {errors.name ? (
          <span id={`${ids}-name-error`} className="field__error">
            {errors.name}
          </span>
        ) : null}
      </div>
      <SlugField
        id={ids}
        value={effectiveSlug}
        error={errors.slug}
        placeholder="customer"
        help={<>Lower-case letters, digits and hyphens; 2 to 40 characters. Visitors reach the portal at /p/{effectiveSlug || 'slug'}/.</>}
        onChange={(slug) => {
          setSlugTouched(true);
          setSlug(slug);
        }}
        onBlur={() => effectiveSlug && setErrors((x) => ({ ...x, slug: slugProblem(effectiveSlug) ?? undefined }))}
      />
      <label className="checkbox">
        <input type="checkbox" checked={makeDefault} onChange={(e) => setMakeDefault(e.target.checked)} />
        Make it the default portal (served at /portal/)
      </label>
      {errors.form ? (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
    </form>
  );
}

export function RenamePortalDialog({ portal, onClose }: { portal: PortalSummary | null; onClose: () => void }) {
  return (
    <Dialog
      open={portal !== null}
      title="Rename portal"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="sh-rename-portal" className="btn btn--primary">
            Save
          </button>
        </>
      }
    >
      {portal ? <RenameForm portal={portal} onClose={onClose} /> : null}
    </Dialog>
  );
}

function RenameForm({ portal, onClose }: { portal: PortalSummary; onClose: () => void }) {
  const refresh = useRefreshPortals();
  const id = useId();
  const [name, setName] = useState(portal.name);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!name.trim()) return setError('Give the portal a name.');
    if (name.trim() === portal.name) return onClose();
    setBusy(true);
    try {
      await api.portals.update.mutate({ id: portal.id, name: name.trim() });
      await refresh(portal.id);
      toast(`Renamed to ${name.trim()}`);
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form id="sh-rename-portal" className="sh-form" onSubmit={submit} noValidate aria-busy={busy}>
      <div className="field">
        <label className="field__label" htmlFor={id}>
          Name
        </label>
        <input
          id={id}
          className="input"
          value={name}
          maxLength={120}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-help`}
          onChange={(e) => setName(e.target.value)}
        />
        {error ? (
          <span id={`${id}-error`} className="field__error" role="alert">
            {error}
          </span>
        ) : (
          <span id={`${id}-help`} className="field__help">
            The name appears in the portal's header and the browser tab. The address stays /p/{portal.slug}/.
          </span>
        )}
      </div>
    </form>
  );
}

export function ArchivePortalDialog({ portal, onClose, onArchived }: { portal: PortalSummary | null; onClose: () => void; onArchived?: () => void }) {
  const refresh = useRefreshPortals();
  // The server refuses the default portal (PRECONDITION_FAILED) and says what to do instead.
  const archive = async () => {
    if (!portal) return;
    await api.portals.archive.mutate({ id: portal.id });
    await refresh(portal.id);
    toast(`Archived ${portal.name}`);
    onClose();
    onArchived?.();
  };
  return (
    <ConfirmDialog
      open={portal !== null}
      title={portal ? `Archive “${portal.name}”?` : 'Archive portal'}
      confirmLabel="Archive portal"
      busyLabel="Archiving…"
      onClose={onClose}
      onConfirm={archive}
    >
      {portal ? (
        <>
          <p>
            <strong>{portal.name}</strong> goes offline at once: <span className="mono">/p/{portal.slug}/</span>
            {portal.domains.length ? (
              <>
                {' '}
                and <span className="mono">{portal.domains.join(', ')}</span>
              </>
            ) : null}{' '}
            will answer “not found” to every visitor.
          </p>
          <ul>
            {portal.domains.length ? <li>Its custom domains are released, so another portal can use them.</li> : null}
            <li>Its draft and published versions are kept; it moves to the archived portals.</li>
            <li>An archived portal cannot be activated again from the builder.</li>
          </ul>
        </>
      ) : null}
    </ConfirmDialog>
  );
}
