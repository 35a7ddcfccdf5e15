// Publishing: save the draft first, show what changed since the live version (core/diff.ts), take an
// optional note, then publish. Nothing is published when the draft could not be saved.
import { useQueryClient } from '@tanstack/react-query';
import { FileMinus, FilePen, FilePlus, Navigation, Palette, Type } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { diffDocuments, emptyDocumentLike, hasChanges, type DocumentDiff, type PageChange } from '../../core';
import { getBlock, metaOf } from '../../blocks';
import { api, errorMessage, useTRPC } from '../api';
import { flushSave } from '../editor/draft-session';
import { editorStore } from '../store/editor-store';
import { Dialog } from '../ui/dialog';
import { toast } from '../ui/toasts';
import { useRefreshPortals } from './portal-queries';
import { countByType, describeBlockChange, describeThemeChange, formatTypeCounts, summarizeDiff } from './publish-summary';
import './shell.css';

type Step =
  | { kind: 'saving' }
  | { kind: 'save-failed'; message: string }
  | { kind: 'comparing' }
  | { kind: 'compare-failed'; message: string }
  | { kind: 'ready'; diff: DocumentDiff; since: number | null }
  | { kind: 'publishing'; diff: DocumentDiff; since: number | null };

const NOTE_MAX = 500;

export function PublishDialog({ open, portalId, onClose }: { open: boolean; portalId: string; onClose: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'saving' });
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const qc = useQueryClient();
  const trpc = useTRPC();
  const refresh = useRefreshPortals();
  const noteId = useId();

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    const prepare = async () => {
      setStep({ kind: 'saving' });
      setError(null);
      if (!(await flushSave())) {
        const { saveMessage } = editorStore.getState();
        if (!cancelled) setStep({ kind: 'save-failed', message: saveMessage ?? 'The draft could not be saved, so it cannot be published yet.' });
        return;
      }
      if (cancelled) return;
      setStep({ kind: 'comparing' });
      try {
        const draft = editorStore.getState().doc;
        if (!draft) throw new Error('The draft is not loaded.');
        // Fresh, not cached: someone may have published or rolled back since the page was opened.
        const portal = await qc.fetchQuery({ ...trpc.portals.get.queryOptions({ id: portalId }), staleTime: 0 });
        const live = portal.publishedVersion !== null ? (await api.portals.version.query({ id: portalId, number: portal.publishedVersion })).document : emptyDocumentLike(draft);
        if (!cancelled) setStep({ kind: 'ready', diff: diffDocuments(live, draft), since: portal.publishedVersion });
      } catch (err) {
        if (!cancelled) setStep({ kind: 'compare-failed', message: errorMessage(err) });
      }
    };
    void prepare();
    return () => {
      cancelled = true;
    };
  }, [open, portalId, attempt, qc, trpc]);

  const close = () => {
    setStep({ kind: 'saving' });
    setNote('');
    setError(null);
    onClose();
  };

  const publish = async () => {
    if (step.kind !== 'ready') return;
    setStep({ ...step, kind: 'publishing' });
    setError(null);
    try {
      // Edits made since the dialog opened (none: it is modal) would be saved first by flushSave.
      if (!(await flushSave())) throw new Error(editorStore.getState().saveMessage ?? 'The draft could not be saved.');
      const version = await api.portals.publish.mutate({ id: portalId, note: note.trim() });
      await refresh(portalId);
      toast(`Published version ${version.number}`);
      close();
    } catch (err) {
      setError(errorMessage(err));
      setStep({ ...step, kind: 'ready' });
    }
  };

  const changed = (step.kind === 'ready' || step.kind === 'publishing') && hasChanges(step.diff);
  const noteTooLong = note.trim().length > NOTE_MAX;

  return (
    <Dialog
      open={open}
      wide
      title="Publish"
      onClose={close}
      actions={
        <>
          <button type="button" className="btn" onClick={close}>
            Cancel
          </button>
          {step.kind === 'save-failed' || step.kind === 'compare-failed' ? (
            <button type="button" className="btn btn--primary" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </button>
          ) : (
            <button
              type="button"
              className="btn btn--primary"
              onClick={publish}
              disabled={step.kind !== 'ready' || !changed || noteTooLong}
              title={step.kind === 'ready' && !changed ? 'Nothing has changed since the live version.' : undefined}
            >
              {step.kind === 'publishing' ? 'Publishing…' : 'Publish now'}
            </button>
          )}
        </>
      }
    >
      {step.kind === 'saving' || step.kind === 'comparing' ? (
        <div className="sh-publish-wait" aria-busy="true" role="status">
          <span className="sh-spinner" aria-hidden="true" />
          {step.kind === 'saving' ? 'Saving your latest changes…' : 'Comparing the draft with the live version…'}
        </div>
      ) : step.kind === 'save-failed' ? (
        <div className="sh-callout sh-callout--danger" role="alert">
          <strong>The draft could not be saved, so nothing was published.</strong>
          <p>{step.message}</p>
        </div>
      ) : step.kind === 'compare-failed' ? (
        <div className="sh-callout sh-callout--danger" role="alert">
          <strong>The changes could not be compared with the live version.</strong>
          <p>{step.message}</p>
        </div>
      ) : (
        <>
          <DiffSummary diff={step.diff} since={step.since} />
          {changed ? (
            <div className="field">
              <label className="field__label" htmlFor={noteId}>
                Note <span className="muted">(optional)</span>
              </label>
              <textarea
                id={noteId}
                className="textarea"
                value={note}
                rows={3}
                placeholder="What changed, for whoever looks at the versions later: “New billing page, spring colours”"
                aria-invalid={noteTooLong || undefined}
                aria-describedby={`${noteId}-count`}
                onChange={(e) => setNote(e.target.value)}
              />
              <span id={`${noteId}-count`} className={noteTooLong ? 'field__error' : 'field__help'}>
                {note.trim().length} / {NOTE_MAX} characters
              </span>
            </div>
          ) : null}
          {error ? (
            <p className="sh-callout sh-callout--danger" role="alert">
              {error}
            </p>
          ) : null}
        </>
      )}
    </Dialog>
  );
}

const blockLabel = (type: string) => getBlock(type)?.label ?? type;

/** A prop's label from the block's schema meta, else its name. */
function propLabelFor(type: string) {
  const shape = (getBlock(type)?.props as { shape?: Record<string, Parameters<typeof metaOf>[0]> } | undefined)?.shape;
  return (prop: string) => {
    const schema = shape?.[prop];
    return (schema && metaOf(schema).label) || prop;
  };
}

const PAGE_FIELD_LABELS: Record<string, string> = { title: 'title', path: 'address', icon: 'icon', inNav: 'navigation visibility', visibility: 'who can see it' };

export function DiffSummary({ diff, since }: { diff: DocumentDiff; since: number | null }) {
  if (!hasChanges(diff)) {
    return (
      <div className="sh-diff-none">
        <strong>No changes since version {since}.</strong>
        <p className="muted">The draft is the same as what visitors see. Edit pages or the theme, then publish.</p>
      </div>
    );
  }
  const headline = summarizeDiff(diff);
  return (
    <div className="sh-diff">
      <p className="sh-diff__lead">
        {since === null ? (
          <>This is the first publish: everything below becomes visible to visitors.</>
        ) : (
          <>
            Changes since version {since}, the live one: <span className="sh-diff__headline">{headline}</span>
          </>
        )}
      </p>
      <ul className="sh-diff__list">
        {diff.pages.added.map((p) => (
          <li key={`a-${p.pageId}`} className="sh-diff__item">
            <FilePlus aria-hidden="true" className="sh-diff__icon sh-diff__icon--add" />
            <div>
              <span className="sh-diff__what">
                Page added: <strong>{p.title}</strong> <span className="mono muted">{p.path}</span>
              </span>
              <span className="sh-diff__detail">
                {p.blockCount} {p.blockCount === 1 ? 'block' : 'blocks'}
              </span>
            </div>
          </li>
        ))}
        {diff.pages.removed.map((p) => (
          <li key={`r-${p.pageId}`} className="sh-diff__item">
            <FileMinus aria-hidden="true" className="sh-diff__icon sh-diff__icon--remove" />
            <div>
              <span className="sh-diff__what">
                Page removed: <strong>{p.title}</strong> <span className="mono muted">{p.path}</span>
              </span>
              <span className="sh-diff__detail">Visitors of {p.path} will get “not found”.</span>
            </div>
          </li>
        ))}
        {diff.pages.changed.map((p) => (
          <ChangedPage key={`c-${p.pageId}`} page={p} />
        ))}
        {diff.themeChanged ? (
          <li className="sh-diff__item">
            <Palette aria-hidden="true" className="sh-diff__icon" />
            <div>
              <span className="sh-diff__what">Theme changed</span>
              <span className="sh-diff__detail">{capitalize(describeThemeChange(diff.themeFields))}</span>
            </div>
          </li>
        ) : null}
        {diff.navigationChanged ? (
          <li className="sh-diff__item">
            <Navigation aria-hidden="true" className="sh-diff__icon" />
            <div>
              <span className="sh-diff__what">Navigation changed</span>
              <span className="sh-diff__detail">Pages in the menu, or their order.</span>
            </div>
          </li>
        ) : null}
        {diff.textsChanged ? (
          <li className="sh-diff__item">
            <Type aria-hidden="true" className="sh-diff__icon" />
            <div>
              <span className="sh-diff__what">Portal texts changed</span>
            </div>
          </li>
        ) : null}
      </ul>
    </div>
  );
}

const MAX_CHANGED_LINES = 5;

function ChangedPage({ page }: { page: PageChange }) {
  const { added, removed, changed } = page.blocks;
  const shown = changed.slice(0, MAX_CHANGED_LINES);
  return (
    <li className="sh-diff__item">
      <FilePen aria-hidden="true" className="sh-diff__icon sh-diff__icon--change" />
      <div>
        <span className="sh-diff__what">
          Page changed: <strong>{page.title}</strong> <span className="mono muted">{page.path}</span>
        </span>
        {page.fieldsChanged.length ? <span className="sh-diff__detail">Page settings: {page.fieldsChanged.map((f) => PAGE_FIELD_LABELS[f] ?? f).join(', ')}</span> : null}
        <div className="sh-diff__chips">
          {added.length ? (
            <span className="sh-chip sh-chip--add">
              +{added.length} added: {formatTypeCounts(countByType(added, blockLabel))}
            </span>
          ) : null}
          {removed.length ? (
            <span className="sh-chip sh-chip--remove">
              −{removed.length} removed: {formatTypeCounts(countByType(removed, blockLabel))}
            </span>
          ) : null}
          {changed.length ? <span className="sh-chip sh-chip--change">{changed.length} changed</span> : null}
        </div>
        {shown.length ? (
          <ul className="sh-diff__blocks">
            {shown.map((c) => (
              <li key={c.id}>
                <strong>{blockLabel(c.type)}</strong> · {describeBlockChange(c, propLabelFor(c.type))}
              </li>
            ))}
            {changed.length > shown.length ? <li className="muted">and {changed.length - shown.length} more</li> : null}
          </ul>
        ) : null}
      </div>
    </li>
  );
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
