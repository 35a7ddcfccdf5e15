// Creating and changing an entity type: labels, key, description, the field list, the title field
// and the account and contact links. Changes are saved with the revision they were based on; the
// server's issues appear next to the control at fault, removed fields are confirmed by name first,
// and a change some stored records cannot keep is listed record by record (nothing is changed then).
import { useQueryClient } from '@tanstack/react-query';
import { ArrowLeft, Info, Lock, Plus, Table2, Trash2 } from 'lucide-react';
import { Fragment, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { isBuiltInType, SELF_LINK, type FieldDef } from '../../core';
import { api, errorCode, errorMessage, useTRPC } from '../api';
import { navigate, onLinkClick } from '../router';
import { Dialog } from '../ui/dialog';
import { toast } from '../ui/toasts';
import { READ_ONLY_NOTE, useDataContext, useRefreshData, type TypeSummary, type TypesQuery } from './data-queries';
import { dataHref } from './data-route';
import { FieldRow, type TargetChoice } from './field-editor';
import { controlAria, FormField } from './form-field';
import { issuesOf, sentence, type Issue } from './issues';
import { useRecordTitles } from './record-titles';
import { revealIn } from './scroll';
import { TypeGate } from './type-gate';
import {
  draftToDefinition,
  emptyField,
  emptyTypeDraft,
  FIELD_TYPE_LABELS,
  linkChoices,
  placeIssues,
  removedFields,
  suggestFieldKey,
  suggestPlural,
  suggestTypeKey,
  titleChoices,
  typeToDraft,
  type FieldDraft,
  type PlacedIssues,
  type TypeDraft,
} from './type-draft';
import { ConfirmDialog } from '../ui/confirm-dialog';

export function TypeEditorPage({ typeKey, types }: { typeKey: string | null; types: TypesQuery }) {
  if (typeKey === null) return <TypeEditor saved={null} types={types.data ?? []} />;
  return (
    <TypeGate types={types} typeKey={typeKey} loading="Loading the type" failed="The type could not be loaded">
      {/* A new revision (after a save, or someone else's) starts a fresh draft from it. */}
      {(saved, all) => <TypeEditor key={`${saved.key}@${saved.revision}`} saved={saved} types={all} />}
    </TypeGate>
  );
}

/** A failed save: `located` when the server named fields or records (the summary then lasts while they do). */
type SaveProblem = { message: string; conflict: boolean; located: boolean };

function TypeEditor({ saved, types }: { saved: TypeSummary | null; types: TypeSummary[] }) {
  const { portalId, canWrite } = useDataContext();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const refresh = useRefreshData();
  const ids = useId();
  const initial = useMemo(() => (saved ? typeToDraft(saved) : emptyTypeDraft()), [saved]);
  const [draft, setDraft] = useState<TypeDraft>(initial);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [placed, setPlaced] = useState<PlacedIssues | null>(null);
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const [confirming, setConfirming] = useState<FieldDef[] | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [busy, setBusy] = useState(false);
  const fieldsRef = useRef<HTMLOListElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const builtIn = saved ? isBuiltInType(saved.key) : false;
  const readOnly = !canWrite;
  const dirty = JSON.stringify(draftToDefinition(draft)) !== JSON.stringify(draftToDefinition(initial));
  useUnsavedGuard(dirty && canWrite);

  const typeErr = (k: string) => placed?.type[k] ?? null;
  const clearTypeIssue = (k: string) => setPlaced((p) => (p && p.type[k] ? { ...p, type: Object.fromEntries(Object.entries(p.type).filter(([x]) => x !== k)) } : p));

  const setLabel = (singular: string) => {
    setDraft((d) => ({
      ...d,
      singular,
      ...(!d.pluralTouched ? { plural: suggestPlural(singular) } : {}),
      ...(!saved && !d.keyTouched ? { key: suggestTypeKey(singular) } : {}),
    }));
    clearTypeIssue('singular');
  };

  const updateField = (uid: string, patch: Partial<FieldDraft>) => {
    setDraft((d) => {
      let { titleField, accountLink, contactLink } = d;
      const fields = d.fields.map((f) => {
        if (f.uid !== uid) return f;
        const next = { ...f, ...patch };
        // A new field's key follows its label until someone edits the key.
        if (patch.label !== undefined && !f.keyTouched && !f.saved) next.key = suggestFieldKey(patch.label);
        // Follow a renamed key in the title and links (an empty key names nothing yet).
        if (f.key && next.key !== f.key) {
          if (titleField === f.key) titleField = next.key;
          if (accountLink === f.key) accountLink = next.key;
          if (contactLink === f.key) contactLink = next.key;
        }
        return next;
      });
      return { ...d, fields, titleField, accountLink, contactLink };
    });
    setPlaced((p) => (p && p.fields[uid] ? { ...p, fields: { ...p.fields, [uid]: {} } } : p));
  };

  const addField = () => {
    const f = emptyField('text');
    setDraft((d) => ({ ...d, fields: [...d.fields, f] }));
    // The new field opens and the others close (unless they show a problem), so the list stays short.
    setExpanded(new Set([f.uid, ...Object.keys(placed?.fields ?? {}).filter((uid) => Object.keys(placed?.fields[uid] ?? {}).length > 0)]));
    // Focus the new field's label once it is on screen.
    requestAnimationFrame(() => fieldsRef.current?.querySelector<HTMLInputElement>(`li:last-child input`)?.focus());
  };

  const moveField = (uid: string, delta: -1 | 1) =>
    setDraft((d) => {
      const i = d.fields.findIndex((f) => f.uid === uid);
      const j = i + delta;
      if (i < 0 || j < 0 || j >= d.fields.length) return d;
      const fields = [...d.fields];
      [fields[i], fields[j]] = [fields[j]!, fields[i]!];
      return { ...d, fields };
    });

  const removeField = (uid: string) =>
    setDraft((d) => {
      const gone = d.fields.find((f) => f.uid === uid);
      const fields = d.fields.filter((f) => f.uid !== uid);
      if (!gone) return d;
      const titleField = d.titleField === gone.key ? (titleChoices({ ...d, fields })[0]?.key ?? '') : d.titleField;
      return {
        ...d,
        fields,
        titleField,
        accountLink: d.accountLink === gone.key ? '' : d.accountLink,
        contactLink: d.contactLink === gone.key ? '' : d.contactLink,
      };
    });

  const targets: TargetChoice[] = useMemo(() => {
    const list = types.map((t) => ({ key: t.key, label: t.label.singular }));
    const own = draft.key.trim();
    if (!saved && own && !list.some((t) => t.key === own)) list.push({ key: own, label: `${draft.singular.trim() || own} (this type)` });
    return list;
  }, [types, saved, draft.key, draft.singular]);

  const save = async (confirmed: FieldDef[] = []) => {
    if (busy || readOnly) return;
    const removed = saved ? removedFields(saved, draft) : [];
    if (removed.length && confirmed.length === 0) {
      setConfirming(removed);
      return;
    }
    const sent = draft;
    const definition = draftToDefinition(sent);
    setBusy(true);
    setProblem(null);
    setPlaced(null);
    try {
      if (!saved) {
        const created = await api.entityTypes.create.mutate({ definition });
        await refresh();
        toast(`Created ${created.label.singular}`);
        navigate(dataHref(portalId, { view: 'type', key: created.key }), { replace: true });
      } else {
        const updated = await api.entityTypes.update.mutate({
          key: saved.key,
          baseRevision: saved.revision,
          definition,
          ...(confirmed.length ? { confirmRemoved: confirmed.map((f) => f.key) } : {}),
        });
        // The list carries the new revision, which starts a fresh draft.
        qc.setQueryData(trpc.entityTypes.list.queryKey(), (list: TypeSummary[] | undefined) => list?.map((t) => (t.key === updated.key ? updated : t)));
        await refresh();
        toast(updated.migrated ? `Saved ${updated.label.singular}; ${updated.migrated} record${updated.migrated === 1 ? '' : 's'} updated` : `Saved ${updated.label.singular}`);
      }
    } catch (err) {
      const issues = issuesOf(err);
      const where = placeIssues(sent, issues);
      setPlaced(where);
      setProblem({ message: errorMessage(err), conflict: errorCode(err) === 'CONFLICT', located: issues.length > 0 });
      // Open the fields at fault, and bring the first message into view: a field's, or the
      // summary at the top (a conflict, a migration report, an issue naming nothing on screen).
      const faulty = Object.keys(where.fields);
      if (faulty.length) setExpanded((s) => new Set([...s, ...faulty]));
      requestAnimationFrame(() => {
        const form = formRef.current;
        const main = form?.closest('.dt-main') ?? null;
        const firstField = faulty.length && !where.records.length && !where.other.length ? form?.querySelector('.dt-frow--invalid') : null;
        if (firstField) revealIn(main, firstField);
        else main?.scrollTo({ top: 0, behavior: 'smooth' });
      });
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };

  const discard = () => {
    setDraft(initial);
    setPlaced(null);
    setProblem(null);
  };

  const accountChoices = linkChoices(draft, 'account');
  const contactChoices = linkChoices(draft, 'contact');
  const titles = titleChoices(draft);
  const keyHelp = saved
    ? 'Records, roles, blocks and the API refer to the type by its key, so it cannot change.'
    : 'Used by the API, imports and blocks; it cannot change later. Lower-case letters, digits and _.';
  const title = saved ? saved.label.singular : draft.singular.trim() || 'New type';
  const roleOf = (f: FieldDraft) =>
    [f.key && f.key === draft.titleField ? 'Title' : null, f.key && f.key === draft.accountLink ? 'Account link' : null, f.key && f.key === draft.contactLink ? 'Contact link' : null].filter(
      (x): x is string => x !== null,
    );

  return (
    <form ref={formRef} className="dt-editor" onSubmit={submit} noValidate aria-busy={busy}>
      <div className="dt-editor__bar">
        <div className="dt-editor__bar-inner">
          <div className="dt-editor__titles">
            <a className="dt-back" href={dataHref(portalId, { view: 'types' })} onClick={onLinkClick}>
              <ArrowLeft aria-hidden="true" />
              Entity types
            </a>
            <div className="dt-editor__title-row">
              <h1>{title}</h1>
              {builtIn ? (
                <span className="badge badge--muted">
                  <Lock aria-hidden="true" className="sh-badge-icon" />
                  Built-in
                </span>
              ) : null}
              {saved ? (
                <span className="dt-editor__meta">
                  <span className="mono">{saved.key}</span> · revision {saved.revision} · {saved.recordCount.toLocaleString()} record{saved.recordCount === 1 ? '' : 's'}
                </span>
              ) : null}
            </div>
          </div>
          <div className="dt-editor__actions">
            {saved ? (
              <a className="btn btn--ghost" href={dataHref(portalId, { view: 'records', type: saved.key, record: null })} onClick={onLinkClick}>
                <Table2 aria-hidden="true" />
                Records
              </a>
            ) : null}
            {canWrite ? (
              <>
                {dirty && saved ? (
                  <button type="button" className="btn" onClick={discard} disabled={busy}>
                    Discard changes
                  </button>
                ) : null}
                <button type="submit" className="btn btn--primary" disabled={busy || (saved !== null && !dirty)}>
                  {busy ? 'Saving…' : saved ? 'Save changes' : 'Create type'}
                </button>
              </>
            ) : null}
          </div>
        </div>
      </div>

      <div className="content dt-content dt-editor__body">
        {readOnly ? <p className="sh-callout sh-callout--info">{READ_ONLY_NOTE}</p> : null}
        {builtIn && !readOnly ? (
          <p className="sh-callout sh-callout--info dt-callout-icon">
            <Info aria-hidden="true" />
            <span>
              {saved?.label.singular} is built in: access levels and portal sign-in rely on its own fields and links, so they stay as they are. Add fields of your own below.
            </span>
          </p>
        ) : null}
        {problem && (problem.conflict || !problem.located || openIssues(placed) > 0) ? <SaveProblemCallout problem={problem} placed={placed} onReload={() => void refresh().then(discard)} /> : null}
        {placed?.records.length ? <MigrationReport issues={placed.records} saved={saved} portalId={portalId} fieldLabel={(k) => draft.fields.find((f) => f.key === k)?.label || saved?.fields.find((f) => f.key === k)?.label || k} /> : null}

        <section className="card sh-card" aria-labelledby={`${ids}-general`}>
          <div className="sh-card__head">
            <h2 id={`${ids}-general`} className="sh-card__title">
              General
            </h2>
          </div>
          <fieldset className="sh-bare-fieldset sh-card__body" disabled={readOnly}>
            <legend className="visually-hidden">General</legend>
            <div className="dt-grid dt-grid--2">
              <FormField id={`${ids}-singular`} label="Name (singular)" error={typeErr('singular')} required>
                <input
                  className="input"
                  {...controlAria(`${ids}-singular`, undefined, typeErr('singular'))}
                  value={draft.singular}
                  maxLength={80}
                  placeholder="Contract"
                  autoFocus={!saved}
                  onChange={(e) => setLabel(e.target.value)}
                />
              </FormField>
              <FormField id={`${ids}-plural`} label="Name (plural)" error={typeErr('plural')} required>
                <input
                  className="input"
                  {...controlAria(`${ids}-plural`, undefined, typeErr('plural'))}
                  value={draft.plural}
                  maxLength={80}
                  placeholder="Contracts"
                  onChange={(e) => {
                    setDraft((d) => ({ ...d, plural: e.target.value, pluralTouched: true }));
                    clearTypeIssue('plural');
                  }}
                />
              </FormField>
            </div>
            <div className="dt-grid dt-grid--2">
              <FormField id={`${ids}-key`} label="Key" help={keyHelp} error={typeErr('key')} required={!saved}>
                <input
                  className="input mono"
                  {...controlAria(`${ids}-key`, keyHelp, typeErr('key'))}
                  value={draft.key}
                  readOnly={saved !== null}
                  maxLength={40}
                  placeholder="contract"
                  spellCheck={false}
                  autoCapitalize="off"
                  onChange={(e) => {
                    setDraft((d) => ({ ...d, key: e.target.value, keyTouched: true }));
                    clearTypeIssue('key');
                  }}
                />
              </FormField>
              <FormField id={`${ids}-desc`} label="Description" error={typeErr('description')}>
                <input
                  className="input"
                  {...controlAria(`${ids}-desc`, undefined, typeErr('description'))}
                  value={draft.description}
                  maxLength={300}
                  placeholder="What a record of this type is"
                  onChange={(e) => setDraft((d) => ({ ...d, description: e.target.value }))}
                />
              </FormField>
            </div>
          </fieldset>
        </section>

        <section className="card sh-card" aria-labelledby={`${ids}-fields`}>
          <div className="sh-card__head dt-card-head">
            <div>
              <h2 id={`${ids}-fields`} className="sh-card__title">
                Fields
              </h2>
              <p className="sh-card__desc">
                {draft.fields.length} field{draft.fields.length === 1 ? '' : 's'}. Forms, tables and the API list them in this order.
              </p>
            </div>
            {canWrite ? (
              <button type="button" className="btn" onClick={addField}>
                <Plus aria-hidden="true" />
                Add field
              </button>
            ) : null}
          </div>
          <div className="sh-card__body dt-fields-body">
            {typeErr('fields') ? (
              <p className="field__error" role="alert">
                {sentence(typeErr('fields')!)}
              </p>
            ) : null}
            <ol ref={fieldsRef} className="dt-frows" aria-label="Fields">
              {draft.fields.map((f, i) => (
                <FieldRow
                  key={f.uid}
                  field={f}
                  index={i}
                  count={draft.fields.length}
                  issues={placed?.fields[f.uid]}
                  expanded={expanded.has(f.uid)}
                  readOnly={readOnly}
                  targets={targets}
                  roles={roleOf(f)}
                  onToggle={() =>
                    setExpanded((s) => {
                      const next = new Set(s);
                      if (next.has(f.uid)) next.delete(f.uid);
                      else next.add(f.uid);
                      return next;
                    })
                  }
                  onChange={(patch) => updateField(f.uid, patch)}
                  onMove={(delta) => moveField(f.uid, delta)}
                  onRemove={() => removeField(f.uid)}
                />
              ))}
            </ol>
            {canWrite ? (
              <button type="button" className="dt-add-row" onClick={addField}>
                <Plus aria-hidden="true" />
                Add a field
              </button>
            ) : null}
          </div>
        </section>

        <section className="card sh-card" aria-labelledby={`${ids}-links`}>
          <div className="sh-card__head">
            <h2 id={`${ids}-links`} className="sh-card__title">
              Title and access
            </h2>
            <p className="sh-card__desc">
              The title names a record in lists and pickers. The links decide what the access levels <em>account</em> and <em>contact</em> mean for this type: a portal user
              reaches a record through its account or contact.
            </p>
          </div>
          <fieldset className="sh-bare-fieldset sh-card__body" disabled={readOnly || builtIn}>
            <legend className="visually-hidden">Title and access links</legend>
            <div className="dt-grid dt-grid--3">
              <FormField id={`${ids}-title`} label="Title field" help="Text, email, phone, number, choice or date; not internal." error={typeErr('titleField')}>
                <select
                  className="select"
                  {...controlAria(`${ids}-title`, 'Text, email, phone, number, choice or date; not internal.', typeErr('titleField'))}
                  value={draft.titleField}
                  onChange={(e) => {
                    setDraft((d) => ({ ...d, titleField: e.target.value }));
                    clearTypeIssue('titleField');
                  }}
                >
                  {titles.some((f) => f.key === draft.titleField) ? null : <option value={draft.titleField}>{draft.titleField ? `${draft.titleField} (not eligible)` : 'Choose a field…'}</option>}
                  {titles.map((f) => (
                    <option key={f.uid} value={f.key}>
                      {f.label || f.key} ({FIELD_TYPE_LABELS[f.type]})
                    </option>
                  ))}
                </select>
              </FormField>
              <LinkSelect
                id={`${ids}-account`}
                label="Account link"
                value={draft.accountLink}
                choices={accountChoices}
                target="Account"
                error={typeErr('accountLink')}
                onChange={(v) => {
                  setDraft((d) => ({ ...d, accountLink: v }));
                  clearTypeIssue('accountLink');
                }}
              />
              <LinkSelect
                id={`${ids}-contact`}
                label="Contact link"
                value={draft.contactLink}
                choices={contactChoices}
                target="Contact"
                error={typeErr('contactLink')}
                onChange={(v) => {
                  setDraft((d) => ({ ...d, contactLink: v }));
                  clearTypeIssue('contactLink');
                }}
              />
            </div>
          </fieldset>
        </section>

        {saved && !builtIn && canWrite ? (
          <section className="card sh-card sh-card--danger" aria-labelledby={`${ids}-danger`}>
            <div className="sh-card__head">
              <h2 id={`${ids}-danger`} className="sh-card__title">
                Delete type
              </h2>
            </div>
            <div className="sh-card__body">
              <div className="sh-setting-row">
                <p className="sh-setting-row__desc">A type can be deleted once it has no records and no other type links to it.</p>
                <button type="button" className="btn btn--danger" onClick={() => setDeleting(true)}>
                  <Trash2 aria-hidden="true" />
                  Delete {saved.label.singular}…
                </button>
              </div>
            </div>
          </section>
        ) : null}
      </div>

      <RemoveFieldsDialog
        fields={confirming}
        recordCount={saved?.recordCount ?? 0}
        plural={saved?.label.plural.toLowerCase() ?? 'records'}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          const list = confirming ?? [];
          setConfirming(null);
          void save(list);
        }}
      />
      {saved ? <DeleteTypeDialog open={deleting} type={saved} onClose={() => setDeleting(false)} /> : null}
    </form>
  );
}

function LinkSelect({
  id,
  label,
  value,
  choices,
  target,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  choices: FieldDraft[];
  target: string;
  error: string | null;
  onChange: (v: string) => void;
}) {
  const help = choices.length || value ? `A link to ${target}, or none.` : `Add a field linking to ${target} to choose it here.`;
  return (
    <FormField id={id} label={label} help={help} error={error}>
      <select className="select" {...controlAria(id, help, error)} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">None</option>
        {value === SELF_LINK ? <option value={SELF_LINK}>The record itself</option> : null}
        {value && value !== SELF_LINK && !choices.some((c) => c.key === value) ? <option value={value}>{value} (not eligible)</option> : null}
        {choices.map((f) => (
          <option key={f.uid} value={f.key}>
            {f.label || f.key}
          </option>
        ))}
      </select>
    </FormField>
  );
}

/** Issues still on screen: fixing a field clears its own, and the summary goes with the last one. */
function openIssues(placed: PlacedIssues | null): number {
  if (!placed) return 0;
  return Object.values(placed.fields).reduce((n, f) => n + Object.keys(f).length, 0) + Object.keys(placed.type).length + placed.other.length + placed.records.length;
}

function SaveProblemCallout({ problem, placed, onReload }: { problem: SaveProblem; placed: PlacedIssues | null; onReload: () => void }) {
  const placedCount = placed ? Object.values(placed.fields).reduce((n, f) => n + Object.keys(f).length, 0) + Object.keys(placed.type).length : 0;
  return (
    <div className="sh-callout sh-callout--danger" role="alert">
      <strong>{problem.conflict ? 'Someone else changed this type meanwhile.' : 'Not saved.'}</strong> {problem.conflict ? 'Reload it to see their change, then make yours again.' : sentence(problem.message)}
      {placedCount > 0 ? <p>The fields at fault are marked below.</p> : null}
      {placed?.other.length ? (
        <ul className="dt-callout-list">
          {placed.other.map((m) => (
            <li key={m}>{sentence(m)}</li>
          ))}
        </ul>
      ) : null}
      {problem.conflict ? (
        <p>
          <button type="button" className="btn btn--small" onClick={onReload}>
            Reload the type (discards your edits)
          </button>
        </p>
      ) : null}
    </div>
  );
}

function MigrationReport({ issues, saved, portalId, fieldLabel }: { issues: Issue[]; saved: TypeSummary | null; portalId: string; fieldLabel: (key: string) => string }) {
  const ids = useMemo(() => [...new Set(issues.flatMap((i) => (i.recordId ? [i.recordId] : [])))], [issues]);
  const titles = useRecordTitles(useMemo(() => new Map(saved ? [[saved.key, ids]] : []), [saved, ids]));
  // One row per field and problem: a new required field fails the same way on every record.
  const groups = useMemo(() => {
    const byProblem = new Map<string, { field: string; message: string; records: string[] }>();
    for (const i of issues) {
      const k = `${i.field}\u0000${i.message}`;
      const g = byProblem.get(k) ?? { field: i.field, message: i.message, records: [] };
      if (i.recordId) g.records.push(i.recordId);
      byProblem.set(k, g);
    }
    return [...byProblem.values()];
  }, [issues]);
  const SHOWN = 5;
  return (
    <section className="card sh-card dt-report" aria-labelledby="dt-migration-title">
      <div className="sh-card__head">
        <h2 id="dt-migration-title" className="sh-card__title">
          Records this change cannot keep
        </h2>
        <p className="sh-card__desc">Nothing was changed. Fix these records, or change the field (e.g. give it a default), and save again.</p>
      </div>
      <div className="sh-card__body">
        <table className="table dt-report-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Problem</th>
              <th scope="col">Records</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={`${g.field}-${g.message}`}>
                <td className="dt-nowrap">{fieldLabel(g.field)}</td>
                <td>{sentence(g.message)}</td>
                <td>
                  <span className="dt-record-links">
                    {g.records.slice(0, SHOWN).map((id, n) => (
                      <Fragment key={id}>
                        {n > 0 ? ', ' : ''}
                        {saved ? (
                          <a className="dt-nowrap" href={dataHref(portalId, { view: 'records', type: saved.key, record: id })} onClick={onLinkClick}>
                            {titles.get(id) ?? id}
                          </a>
                        ) : (
                          <span className="mono">{id}</span>
                        )}
                      </Fragment>
                    ))}
                    {g.records.length > SHOWN ? <span className="muted"> and {g.records.length - SHOWN} more</span> : null}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {issues.length >= 50 ? <p className="muted dt-small">The server lists the first 50 problems; the message above gives the total.</p> : null}
      </div>
    </section>
  );
}

function RemoveFieldsDialog({ fields, recordCount, plural, onCancel, onConfirm }: { fields: FieldDef[] | null; recordCount: number; plural: string; onCancel: () => void; onConfirm: () => void }) {
  const n = fields?.length ?? 0;
  return (
    <Dialog
      open={fields !== null}
      title={n === 1 ? 'Remove 1 field?' : `Remove ${n} fields?`}
      onClose={onCancel}
      actions={
        <>
          <button type="button" className="btn" onClick={onCancel} autoFocus>
            Cancel
          </button>
          <button type="button" className="btn btn--danger" onClick={onConfirm}>
            <Trash2 aria-hidden="true" />
            Remove and save
          </button>
        </>
      }
    >
      <div className="sh-prose">
        <p>
          {recordCount > 0
            ? `Their values are deleted from all ${recordCount.toLocaleString()} ${plural}. This cannot be undone.`
            : 'There are no records yet, so no values are lost.'}
        </p>
        <ul className="dt-remove-list">
          {fields?.map((f) => (
            <li key={f.key}>
              <strong>{f.label}</strong> <span className="mono">{f.key}</span> <span className="muted">· {FIELD_TYPE_LABELS[f.type]}</span>
            </li>
          ))}
        </ul>
        <p className="muted">Blocks, roles or integrations that use these fields stop finding them.</p>
      </div>
    </Dialog>
  );
}

function DeleteTypeDialog({ open, type, onClose }: { open: boolean; type: TypeSummary; onClose: () => void }) {
  const { portalId } = useDataContext();
  const refresh = useRefreshData();
  const remove = async () => {
    await api.entityTypes.delete.mutate({ key: type.key });
    toast(`Deleted ${type.label.singular}`);
    navigate(dataHref(portalId, { view: 'types' }), { replace: true });
    await refresh();
  };
  return (
    <ConfirmDialog open={open} title={`Delete ${type.label.singular}?`} confirmLabel="Delete type" busyLabel="Deleting…" onClose={onClose} onConfirm={remove}>
      <p>
        The type <span className="mono">{type.key}</span> and its {type.fields.length} field definitions are deleted.
        {type.recordCount > 0 ? ` It still has ${type.recordCount.toLocaleString()} records: delete them first.` : ''}
      </p>
    </ConfirmDialog>
  );
}

/** Asks before the tab closes or reloads with unsaved changes to the type. */
function useUnsavedGuard(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [active]);
}
