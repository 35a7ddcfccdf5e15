// The permission matrix: roles as columns; per entity type a Create toggle and Read / Edit /
// Delete levels, with per-field access rows that open on demand; named actions as toggle rows.
// Edits stay local (cells that differ from the saved role are marked) until "Save changes" sends
// one update per changed role with the revision it was based on: a role changed meanwhile by
// someone else is refused (CONFLICT) and offered for reload, the others are saved. The server's
// messages appear on the cell and the role they concern. All decisions are in matrix-model.ts.
import { useQueryClient } from '@tanstack/react-query';
import { ChevronDown, ChevronRight, Eye, Lock, Pencil, Plus, RotateCcw, Star, Trash2, TriangleAlert, Zap } from 'lucide-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { NAMED_ACTIONS, type AccessLevel, type FieldAccess } from '../../core';
import { api, errorCode, errorMessage, useTRPC } from '../api';
import { useTypes, type TypeSummary } from '../entity-data/data-queries';
import { issuesOf, sentence } from '../entity-data/issues';
import { navigate, onLinkClick } from '../router';
import { RowMenu } from '../shell/row-menu';
import { LoadError, LoadingRows } from '../ui/load-states';
import { toast } from '../ui/toasts';
import { rolesHref, useRoles, type PortalRole } from './access-queries';
import {
  ACCESS_LEVELS,
  ACTION_LABELS,
  changesOf,
  customizedFields,
  draftOf,
  FIELD_ACCESS,
  FIELD_LABELS,
  fieldCell,
  inheritedAccess,
  issuesByCell,
  LEVEL_LABELS,
  levelMeaning,
  RECORD_OPS,
  sameDraft,
  setAction,
  setCreate,
  setDefault,
  setFieldAccess,
  setLevel,
  type RoleDraft,
} from './matrix-model';
import { DeleteRoleDialog, NewRoleDialog, RenameRoleDialog } from './role-dialogs';

type RoleError = { message: string; conflict: boolean; cells: Map<string, string> };
type Edit = { base: RoleDraft; revision: number; draft: RoleDraft };

export function PermissionMatrix({ portalId }: { portalId: string }) {
  const roles = useRoles(portalId);
  const types = useTypes();
  if (roles.isPending || types.isPending) {
    return (
      <div className="content ac-content">
        <MatrixHeader onNew={null} portalId={portalId} />
        <LoadingRows label="Loading the roles" />
      </div>
    );
  }
  if (roles.isError || types.isError) {
    const err = roles.error ?? types.error;
    return (
      <div className="content ac-content">
        <MatrixHeader onNew={null} portalId={portalId} />
        <LoadError title="The roles could not be loaded" error={err} retry={() => void (roles.isError ? roles.refetch() : types.refetch())} />
      </div>
    );
  }
  return <MatrixEditor portalId={portalId} roles={roles.data} types={types.data} />;
}

function MatrixHeader({ portalId, onNew }: { portalId: string; onNew: (() => void) | null }) {
  return (
    <header className="page-header sh-page-header ac-header">
      <div>
        <h1>Roles</h1>
        <p className="sh-subtitle">
          What each portal user may see and do. A user holds their own roles and the default roles; where roles differ, the most permissive wins. Anything not granted is
          denied.
        </p>
      </div>
      <div className="dt-header-actions">
        <a className="btn" href={rolesHref(portalId, { view: 'preview', target: { kind: 'none' } })} onClick={onLinkClick}>
          <Eye aria-hidden="true" />
          Preview as…
        </a>
        {onNew ? (
          <button type="button" className="btn btn--primary" onClick={onNew}>
            <Plus aria-hidden="true" />
            New role
          </button>
        ) : null}
      </div>
    </header>
  );
}

function MatrixEditor({ portalId, roles, types }: { portalId: string; roles: PortalRole[]; types: TypeSummary[] }) {
  const qc = useQueryClient();
  const trpc = useTRPC();
  const bases = useMemo(() => new Map(roles.map((r) => [r.id, draftOf(r, types)])), [roles, types]);
  // An edit keeps the role as it was when editing began, and that revision: a refetch that brings
  // someone else's change must not become the base of ours (saving then is a CONFLICT, not an overwrite).
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [errors, setErrors] = useState<Record<string, RoleError>>({});
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const [saving, setSaving] = useState(false);
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<PortalRole | null>(null);
  const [deleting, setDeleting] = useState<PortalRole | null>(null);

  // Edits of roles that were deleted meanwhile have nothing to apply to.
  const live = Object.keys(edits).filter((id) => bases.has(id));
  const dirty = live.length > 0;
  const draftFor = useCallback((id: string) => edits[id]?.draft ?? bases.get(id)!, [edits, bases]);
  const baseFor = (id: string) => edits[id]?.base ?? bases.get(id)!;

  useEffect(() => {
    if (!dirty) return;
    const onUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [dirty]);

  const startEdit = (roleId: string): Edit | null => {
    const base = bases.get(roleId);
    const role = roles.find((r) => r.id === roleId);
    return base && role ? { base, revision: role.revision, draft: base } : null;
  };

  const change = useCallback(
    (roleId: string, fn: (d: RoleDraft) => RoleDraft) => {
      setEdits((all) => {
        const edit = all[roleId] ?? startEdit(roleId);
        if (!edit) return all;
        const next = fn(edit.draft);
        const { [roleId]: _drop, ...rest } = all;
        return sameDraft(edit.base, next) ? rest : { ...all, [roleId]: { ...edit, draft: next } };
      });
    },
    [bases, roles],
  );

  const refresh = () => qc.invalidateQueries({ queryKey: trpc.roles.pathKey() });

  const save = async () => {
    if (saving) return;
    setSaving(true);
    const nextErrors: Record<string, RoleError> = {};
    const saved: string[] = [];
    for (const id of live) {
      const edit = edits[id]!;
      const changes = changesOf(edit.base, edit.draft);
      try {
        await api.roles.update.mutate({ id: portalId, roleId: id, baseRevision: edit.revision, ...changes });
        saved.push(id);
      } catch (err) {
        const issues = issuesOf(err);
        nextErrors[id] = { message: errorMessage(err), conflict: errorCode(err) === 'CONFLICT', cells: issuesByCell(issues) };
      }
    }
    setEdits((all) => {
      const next = { ...all };
      for (const id of saved) delete next[id];
      return next;
    });
    setErrors(nextErrors);
    await refresh();
    setSaving(false);
    const failed = Object.keys(nextErrors).length;
    if (failed === 0) toast(saved.length === 1 ? 'Role saved: it applies at each user’s next request' : `${saved.length} roles saved: they apply at each user’s next request`);
    else toast(`${failed} role${failed === 1 ? ' was' : 's were'} not saved`, 'error');
  };

  const discard = () => {
    setEdits({});
    setErrors({});
  };

  /** A role changed by someone else: take theirs (dropping this role's local edits). */
  const reloadRole = async (id: string) => {
    setEdits(({ [id]: _drop, ...rest }) => rest);
    setErrors(({ [id]: _drop, ...rest }) => rest);
    await refresh();
  };

  const toggle = (key: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const changedNames = live.map((id) => draftFor(id).name || roles.find((r) => r.id === id)?.name).filter(Boolean);
  const errorList = Object.entries(errors).filter(([id]) => bases.has(id));

  return (
    <div className="ac-matrix-page">
      <div className="ac-matrix-page__top">
        <MatrixHeader portalId={portalId} onNew={() => setCreating(true)} />
        <Legend />
        {errorList.length ? (
          <div className="sh-callout sh-callout--danger ac-errors" role="alert">
            <strong>Some changes were not saved.</strong>
            <ul className="dt-callout-list">
              {errorList.map(([id, e]) => (
                <li key={id}>
                  <strong>{draftFor(id).name}:</strong> {sentence(e.message)}
                  {e.conflict ? (
                    <>
                      {' '}
                      <button type="button" className="btn btn--small ac-inline-btn" onClick={() => void reloadRole(id)}>
                        <RotateCcw aria-hidden="true" />
                        Reload {draftFor(id).name}
                      </button>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>

      {roles.length === 0 ? (
        <div className="card empty-state ac-empty">
          <h2>No roles yet</h2>
          <p>Without a role, portal users see only what is public. Create a role to grant them access.</p>
          <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
            <Plus aria-hidden="true" />
            New role
          </button>
        </div>
      ) : (
        <div className="ac-matrix-scroll" tabIndex={0} role="region" aria-label="Permission matrix">
          <table className="ac-matrix" style={{ minWidth: `${15 + roles.length * 10}rem` }}>
            <caption className="visually-hidden">Permissions: one column per role, one row per permission. Changes are saved with “Save changes”.</caption>
            <colgroup>
              <col className="ac-matrix__col-head" />
              {roles.map((r) => (
                <col key={r.id} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th scope="col" className="ac-corner">
                  <span className="ac-corner__label">Permission</span>
                  <span className="ac-corner__hint">
                    {roles.length} role{roles.length === 1 ? '' : 's'} · {types.length} type{types.length === 1 ? '' : 's'}
                  </span>
                </th>
                {roles.map((r) => (
                  <RoleHeader
                    key={r.id}
                    role={r}
                    draft={draftFor(r.id)}
                    dirty={r.id in edits}
                    error={errors[r.id]}
                    onRename={() => setRenaming(r)}
                    onDefault={(on) => change(r.id, (d) => setDefault(d, on))}
                    onPreview={() => navigate(rolesHref(portalId, { view: 'preview', target: { kind: 'role', id: r.id } }))}
                    onDelete={() => setDeleting(r)}
                  />
                ))}
              </tr>
            </thead>
            {types.map((t) => (
              <TypeRows
                key={t.key}
                type={t}
                roles={roles}
                drafts={roles.map((r) => draftFor(r.id))}
                bases={roles.map((r) => baseFor(r.id))}
                errors={roles.map((r) => errors[r.id]?.cells)}
                fieldsOpen={open.has(t.key)}
                onToggleFields={() => toggle(t.key)}
                onChange={change}
              />
            ))}
            <ActionRows roles={roles} drafts={roles.map((r) => draftFor(r.id))} bases={roles.map((r) => baseFor(r.id))} errors={roles.map((r) => errors[r.id]?.cells)} onChange={change} />
          </table>
        </div>
      )}

      {dirty ? (
        <div className="ac-savebar" role="region" aria-label="Unsaved changes">
          <p className="ac-savebar__text">
            <span className="ac-dot" aria-hidden="true" />
            <span>
              Unsaved changes to <strong>{listNames(changedNames as string[])}</strong>. Saved roles apply to signed-in users at their next request.
            </span>
          </p>
          <div className="ac-savebar__actions">
            <button type="button" className="btn" onClick={discard} disabled={saving}>
              Discard
            </button>
            <button type="button" className="btn btn--primary" onClick={() => void save()} disabled={saving}>
              {saving ? 'Saving…' : 'Save changes'}
            </button>
          </div>
        </div>
      ) : null}

      <NewRoleDialog open={creating} portalId={portalId} roles={roles} drafts={(id) => draftFor(id)} onClose={() => setCreating(false)} />
      <RenameRoleDialog
        role={renaming}
        draft={renaming ? draftFor(renaming.id) : null}
        onClose={() => setRenaming(null)}
        onApply={(name, description) => renaming && change(renaming.id, (d) => ({ ...d, name, description }))}
      />
      <DeleteRoleDialog
        portalId={portalId}
        role={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(id) => {
          setEdits(({ [id]: _drop, ...rest }) => rest);
          setErrors(({ [id]: _drop, ...rest }) => rest);
        }}
      />
    </div>
  );
}

const listNames = (names: string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

function Legend() {
  return (
    <div className="ac-legend" aria-label="Access levels">
      <span className="ac-legend__title">Levels</span>
      {ACCESS_LEVELS.map((l, i) => (
        <span key={l} className="ac-legend__item">
          {i > 0 ? <span className="ac-legend__lt" aria-hidden="true">&lt;</span> : null}
          <span className={`ac-swatch ac-level--${l}`} aria-hidden="true" />
          {LEVEL_LABELS[l]}
        </span>
      ))}
      <span className="ac-legend__note">Own: records the user created · Contact: linked to their contact · Account: linked to their company</span>
    </div>
  );
}

function RoleHeader({
  role,
  draft,
  dirty,
  error,
  onRename,
  onDefault,
  onPreview,
  onDelete,
}: {
  role: PortalRole;
  draft: RoleDraft;
  dirty: boolean;
  error: RoleError | undefined;
  onRename: () => void;
  onDefault: (on: boolean) => void;
  onPreview: () => void;
  onDelete: () => void;
}) {
  const users = role.userCount;
  return (
    <th scope="col" className={`ac-rolehead${error ? ' ac-rolehead--error' : ''}`}>
      <div className="ac-rolehead__top">
        <span className="ac-rolehead__name" title={draft.description || draft.name}>
          {draft.name}
        </span>
        {dirty ? <span className="ac-dot" title="Unsaved changes" aria-label="unsaved changes" /> : null}
        <RowMenu
          label={`Actions for the role ${draft.name}`}
          items={[
            { label: 'Rename…', icon: <Pencil aria-hidden="true" />, onSelect: onRename },
            { label: draft.isDefault ? 'Stop being a default role' : 'Make a default role', icon: <Star aria-hidden="true" />, onSelect: () => onDefault(!draft.isDefault) },
            { label: 'Preview as this role', icon: <Eye aria-hidden="true" />, onSelect: onPreview },
            { label: 'Delete…', icon: <Trash2 aria-hidden="true" />, onSelect: onDelete, danger: true },
          ]}
        />
      </div>
      <div className="ac-rolehead__meta">
        <span className="mono" title="The key pages and blocks name in their visibility">
          {role.key}
        </span>
        <span aria-hidden="true">·</span>
        <span>
          {users} user{users === 1 ? '' : 's'}
        </span>
      </div>
      <label className={`ac-default${draft.isDefault ? ' ac-default--on' : ''}`} title="Every user of the portal holds the default roles">
        <input type="checkbox" checked={draft.isDefault} onChange={(e) => onDefault(e.target.checked)} />
        <Star aria-hidden="true" />
        {draft.isDefault ? 'Default role' : 'Make default'}
      </label>
      {error ? (
        <p className="ac-rolehead__error" title={error.message}>
          <TriangleAlert aria-hidden="true" />
          {error.conflict ? 'Changed meanwhile' : 'Not saved'}
        </p>
      ) : null}
    </th>
  );
}

const opLabel = { read: 'Read', edit: 'Edit', delete: 'Delete' } as const;

function TypeRows({
  type,
  roles,
  drafts,
  bases,
  errors,
  fieldsOpen,
  onToggleFields,
  onChange,
}: {
  type: TypeSummary;
  roles: PortalRole[];
  drafts: RoleDraft[];
  bases: RoleDraft[];
  errors: (Map<string, string> | undefined)[];
  fieldsOpen: boolean;
  onToggleFields: () => void;
  onChange: (roleId: string, fn: (d: RoleDraft) => RoleDraft) => void;
}) {
  const k = type.key;
  const grant = (i: number) => drafts[i]!.entities[k]!;
  const baseGrant = (i: number) => bases[i]!.entities[k]!;
  const cellError = (i: number, path: string) => errors[i]?.get(`entities.${k}.${path}`) ?? errors[i]?.get(`entities.${k}`);
  return (
    <tbody className="ac-group">
      <tr className="ac-group__head">
        <th scope="rowgroup" className="ac-sticky">
          <span className="ac-type">
            <span className="dt-nav__mark ac-type__mark" aria-hidden="true">
              {type.label.plural.slice(0, 1).toUpperCase()}
            </span>
            <span className="ac-type__name">{type.label.plural}</span>
            <span className="mono ac-type__key">{type.key}</span>
          </span>
        </th>
        <td colSpan={roles.length} className="ac-group__fill" />
      </tr>
      <tr>
        <th scope="row" className="ac-sticky ac-rowhead">
          Create
        </th>
        {roles.map((r, i) => (
          <td key={r.id} className={`ac-cell${grant(i).create !== baseGrant(i).create ? ' ac-cell--changed' : ''}`}>
            <input
              type="checkbox"
              className="switch"
              checked={grant(i).create}
              aria-label={`${drafts[i]!.name}: create ${type.label.plural.toLowerCase()}`}
              onChange={(e) => onChange(r.id, (d) => setCreate(d, k, e.target.checked))}
            />
          </td>
        ))}
      </tr>
      {RECORD_OPS.map((op) => (
        <tr key={op}>
          <th scope="row" className="ac-sticky ac-rowhead">
            {opLabel[op]}
          </th>
          {roles.map((r, i) => {
            const value = grant(i)[op];
            const problem = cellError(i, op);
            return (
              <td key={r.id} className={`ac-cell${value !== baseGrant(i)[op] ? ' ac-cell--changed' : ''}${problem ? ' ac-cell--error' : ''}`}>
                <LevelSelect
                  value={value}
                  label={`${drafts[i]!.name}: ${opLabel[op].toLowerCase()} ${type.label.plural.toLowerCase()}`}
                  title={problem ?? levelMeaning(type, value)}
                  invalid={Boolean(problem)}
                  onChange={(level) => onChange(r.id, (d) => setLevel(d, k, op, level))}
                />
              </td>
            );
          })}
        </tr>
      ))}
      <tr className="ac-fields-toggle">
        <th scope="row" className="ac-sticky ac-rowhead">
          <button type="button" className="ac-expander" aria-expanded={fieldsOpen} onClick={onToggleFields}>
            {fieldsOpen ? <ChevronDown aria-hidden="true" /> : <ChevronRight aria-hidden="true" />}
            Field access
            <span className="ac-expander__count">{type.fields.length}</span>
          </button>
        </th>
        {roles.map((r, i) => {
          const n = customizedFields(grant(i));
          return (
            <td key={r.id} className="ac-cell ac-cell--summary">
              {n ? `${n} field${n === 1 ? '' : 's'} set` : <span className="ac-muted">Follows type</span>}
            </td>
          );
        })}
      </tr>
      {fieldsOpen
        ? type.fields.map((f) => (
            <tr key={f.key} className="ac-field-row">
              <th scope="row" className="ac-sticky ac-rowhead ac-rowhead--field">
                <span className="ac-field-name">{f.label}</span>
                {f.internal ? (
                  <span className="badge badge--muted ac-internal" title="Internal fields are never shown in a portal">
                    <Lock aria-hidden="true" className="sh-badge-icon" />
                    Internal
                  </span>
                ) : null}
              </th>
              {roles.map((r, i) => {
                const cell = fieldCell(type, grant(i), f.key);
                if (cell.internal) {
                  return (
                    <td key={r.id} className="ac-cell ac-cell--locked">
                      Always hidden
                    </td>
                  );
                }
                const problem = cellError(i, `fields.${f.key}`);
                const changed = (grant(i).fields[f.key] ?? null) !== (baseGrant(i).fields[f.key] ?? null);
                return (
                  <td key={r.id} className={`ac-cell${changed ? ' ac-cell--changed' : ''}${problem ? ' ac-cell--error' : ''}`}>
                    <FieldSelect
                      explicit={cell.explicit}
                      inherited={inheritedAccess(type, grant(i), f.key)}
                      effective={cell.effective}
                      label={`${drafts[i]!.name}: ${f.label} of ${type.label.plural.toLowerCase()}`}
                      problem={problem}
                      onChange={(access) => onChange(r.id, (d) => setFieldAccess(d, k, f.key, access))}
                    />
                  </td>
                );
              })}
            </tr>
          ))
        : null}
    </tbody>
  );
}

function LevelSelect({ value, label, title, invalid, onChange }: { value: AccessLevel; label: string; title: string; invalid: boolean; onChange: (l: AccessLevel) => void }) {
  return (
    <select className={`ac-level ac-level--${value}`} value={value} aria-label={label} title={title} aria-invalid={invalid || undefined} onChange={(e) => onChange(e.target.value as AccessLevel)}>
      {ACCESS_LEVELS.map((l) => (
        <option key={l} value={l}>
          {LEVEL_LABELS[l]}
        </option>
      ))}
    </select>
  );
}

function FieldSelect({
  explicit,
  inherited,
  effective,
  label,
  problem,
  onChange,
}: {
  explicit: FieldAccess | null;
  inherited: FieldAccess;
  effective: FieldAccess;
  label: string;
  problem: string | undefined;
  onChange: (a: FieldAccess | null) => void;
}) {
  // Edit on a field of a type the role cannot edit ends up read: say so rather than pretend.
  const capped = explicit !== null && explicit !== effective;
  return (
    <span className="ac-fieldcell">
      <select
        className={`ac-field-access ac-field-access--${explicit ?? 'inherit'}`}
        value={explicit ?? ''}
        aria-label={label}
        aria-invalid={problem ? true : undefined}
        title={problem ?? (capped ? `Ends up ${FIELD_LABELS[effective].toLowerCase()}: the role cannot edit these records` : undefined)}
        onChange={(e) => onChange(e.target.value === '' ? null : (e.target.value as FieldAccess))}
      >
        <option value="">Default · {FIELD_LABELS[inherited].toLowerCase()}</option>
        {FIELD_ACCESS.map((a) => (
          <option key={a} value={a}>
            {FIELD_LABELS[a]}
          </option>
        ))}
      </select>
      {capped ? <TriangleAlert className="ac-fieldcell__warn" aria-hidden="true" /> : null}
    </span>
  );
}

function ActionRows({
  roles,
  drafts,
  bases,
  errors,
  onChange,
}: {
  roles: PortalRole[];
  drafts: RoleDraft[];
  bases: RoleDraft[];
  errors: (Map<string, string> | undefined)[];
  onChange: (roleId: string, fn: (d: RoleDraft) => RoleDraft) => void;
}) {
  return (
    <tbody className="ac-group">
      <tr className="ac-group__head">
        <th scope="rowgroup" className="ac-sticky">
          <span className="ac-type">
            <span className="dt-nav__mark ac-type__mark ac-type__mark--actions" aria-hidden="true">
              <Zap />
            </span>
            <span className="ac-type__name">Actions</span>
            <span className="ac-type__key">what blocks let users do</span>
          </span>
        </th>
        <td colSpan={roles.length} className="ac-group__fill" />
      </tr>
      {NAMED_ACTIONS.map((a) => (
        <tr key={a}>
          <th scope="row" className="ac-sticky ac-rowhead">
            <span className="ac-action">
              {ACTION_LABELS[a]}
              <span className="mono ac-action__key">{a}</span>
            </span>
          </th>
          {roles.map((r, i) => {
            const on = drafts[i]!.actions.includes(a);
            const changed = on !== bases[i]!.actions.includes(a);
            return (
              <td key={r.id} className={`ac-cell${changed ? ' ac-cell--changed' : ''}${errors[i]?.has('actions') ? ' ac-cell--error' : ''}`}>
                <input type="checkbox" className="switch" checked={on} aria-label={`${drafts[i]!.name}: ${ACTION_LABELS[a]}`} onChange={(e) => onChange(r.id, (d) => setAction(d, a, e.target.checked))} />
              </td>
            );
          })}
        </tr>
      ))}
    </tbody>
  );
}
