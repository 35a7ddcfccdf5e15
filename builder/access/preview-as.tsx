// "Preview as": choose a role, a portal user or a signed-out visitor, and a page, and see the page
// as they receive it — built by the server through the runtime's own filter (preview.page), drawn
// in the builder's themed frame like version previews — with the list of what is hidden for this
// viewer and why ("needs the role Accountant", "signed-in only", "needs read on Invoices").
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { EyeOff, FileLock2, Info, UserRound } from 'lucide-react';
import { useEffect, useId, useMemo, useState } from 'react';
import { pageTitleOf, type Page } from '../../core';
import { BlockTree } from '../../runtime/block-tree';
import { useTRPC } from '../api';
import { navigate } from '../router';
import { ThemedFrame, previewContext } from '../shell/themed-frame';
import { useEditor } from '../store/editor-store';
import { rolesHref, samplePath, useRoles, type Preview, type PreviewTarget } from './access-queries';
import { UserPicker } from './user-picker';

type Source = 'draft' | 'published';

export function PreviewAs({ portalId, target }: { portalId: string; target: PreviewTarget }) {
  const trpc = useTRPC();
  const ids = useId();
  const roles = useRoles(portalId);
  const portal = useQuery(trpc.portals.get.queryOptions({ id: portalId }));
  // The pages as the editor has them (loaded for every section by the workspace).
  const pages = useEditor((s) => (s.portalId === portalId ? s.doc?.pages : undefined));
  const [path, setPath] = useState('/');
  const [source, setSource] = useState<Source>('draft');
  const user = useQuery({ ...trpc.portalUsers.get.queryOptions({ id: portalId, userId: target.kind === 'user' ? target.id : '' }), enabled: target.kind === 'user' });

  const as = target.kind === 'role' ? { role: target.id } : target.kind === 'user' ? { user: target.id } : target.kind === 'visitor' ? { visitor: true as const } : null;
  const preview = useQuery({
    ...trpc.preview.page.queryOptions({ id: portalId, path, as: as ?? { visitor: true }, source }),
    enabled: as !== null,
    placeholderData: keepPreviousData,
  });
  const go = (t: PreviewTarget) => navigate(rolesHref(portalId, { view: 'preview', target: t }), { replace: true });
  // Which picker shows while no one is chosen yet; the address decides once someone is.
  const [kindChoice, setKindChoice] = useState<'role' | 'user' | 'visitor'>('role');
  const kind = target.kind === 'none' ? kindChoice : target.kind;
  const firstRole = roles.data?.[0]?.id;
  useEffect(() => {
    // Opening "Preview as" without anyone chosen shows the first role rather than an empty canvas.
    if (target.kind === 'none' && kindChoice === 'role' && firstRole) go({ kind: 'role', id: firstRole });
  }, [target.kind, kindChoice, firstRole]);
  const published = portal.data?.publishedVersion ?? null;

  return (
    <div className="ac-preview">
      <aside className="ac-preview__panel" aria-label="Preview settings">
        <div className="ac-preview__head">
          <h1 className="ac-preview__title">Preview as</h1>
          <p className="muted ac-small">The page exactly as this viewer receives it: the server filters it as it does for them.</p>
        </div>

        <fieldset className="sh-fieldset">
          <legend className="field__label">Viewer</legend>
          <div className="sh-segmented ac-segmented-full" role="radiogroup" aria-label="Kind of viewer">
            {(
              [
                ['role', 'Role'],
                ['user', 'User'],
                ['visitor', 'Visitor'],
              ] as const
            ).map(([k, label]) => (
              <button
                key={k}
                type="button"
                role="radio"
                aria-checked={kind === k}
                aria-pressed={kind === k}
                onClick={() => {
                  setKindChoice(k);
                  if (k === 'visitor') go({ kind: 'visitor' });
                  else if (k !== kind) go({ kind: 'none' });
                }}
              >
                {label}
              </button>
            ))}
          </div>
        </fieldset>

        {kind === 'role' ? (
          <div className="field">
            <label className="field__label" htmlFor={`${ids}-role`}>
              Role
            </label>
            <select
              id={`${ids}-role`}
              className="select"
              value={target.kind === 'role' ? target.id : ''}
              onChange={(e) => go(e.target.value ? { kind: 'role', id: e.target.value } : { kind: 'none' })}
            >
              <option value="">Choose a role…</option>
              {(roles.data ?? []).map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                  {r.isDefault ? ' (default)' : ''}
                </option>
              ))}
            </select>
            <span className="field__help">With the default roles, which every user holds.</span>
          </div>
        ) : kind === 'user' ? (
          <div className="field">
            <span className="field__label" id={`${ids}-user`}>
              User
            </span>
            <UserPicker
              portalId={portalId}
              labelledBy={`${ids}-user`}
              value={target.kind === 'user' ? (user.data ?? { id: target.id, name: 'Loading…', email: '' }) : null}
              onChange={(u) => go(u ? { kind: 'user', id: u.id } : { kind: 'none' })}
            />
          </div>
        ) : null}

        <div className="field">
          <label className="field__label" htmlFor={`${ids}-page`}>
            Page
          </label>
          <select id={`${ids}-page`} className="select" value={path} onChange={(e) => setPath(e.target.value)}>
            {pageOptions(pages, path).map((o) => (
              <option key={o.path} value={o.path}>
                {o.label}
              </option>
            ))}
          </select>
        </div>

        <fieldset className="sh-fieldset">
          <legend className="field__label">Version</legend>
          <div className="sh-segmented ac-segmented-full">
            <button type="button" aria-pressed={source === 'draft'} onClick={() => setSource('draft')}>
              Draft
            </button>
            <button
              type="button"
              aria-pressed={source === 'published'}
              disabled={published === null}
              title={published === null ? 'The portal has not been published yet' : `Version ${published}, what users get today`}
              onClick={() => setSource('published')}
            >
              Live{published !== null ? ` v${published}` : ''}
            </button>
          </div>
        </fieldset>

        {preview.data && as ? <ViewerSummary preview={preview.data} /> : null}
        {preview.data && as ? <HiddenList preview={preview.data} onOpenPage={(p) => setPath(samplePath(p))} /> : null}
      </aside>

      <div className="ac-preview__canvas">
        {as === null ? (
          <div className="ac-preview__empty">
            <UserRound aria-hidden="true" />
            <p>Choose a role or a user to see the portal through their eyes.</p>
          </div>
        ) : preview.isError ? (
          <div className="card empty-state" role="alert">
            <h2>The preview could not be built</h2>
            <p>{preview.error.message}</p>
            <button type="button" className="btn" onClick={() => void preview.refetch()}>
              Try again
            </button>
          </div>
        ) : !preview.data ? (
          <div className="sh-center" aria-busy="true" role="status">
            <span className="sh-spinner" aria-hidden="true" />
            <span className="muted">Building the preview…</span>
          </div>
        ) : (
          <PreviewFrame
            preview={preview.data}
            busy={preview.isFetching}
            portal={portal.data ?? { name: preview.data.payload.portal.name, slug: preview.data.payload.portal.slug }}
            onNavigate={(t) => {
              if ('path' in t) return setPath(t.path);
              const p = pages?.find((x) => x.id === t.pageId);
              if (p) setPath(samplePath(p.path));
            }}
          />
        )}
      </div>
    </div>
  );
}

function pageOptions(pages: readonly Page[] | undefined, current: string): { path: string; label: string }[] {
  const out = (pages ?? []).map((p) => ({ path: samplePath(p.path), label: `${pageTitleOf(p)} — ${p.path}` }));
  if (!out.some((o) => o.path === current)) out.unshift({ path: current, label: current });
  return out;
}

function ViewerSummary({ preview }: { preview: Preview }) {
  const v = preview.viewer;
  return (
    <div className="ac-viewer">
      <p className="ac-viewer__label">{v.label}</p>
      {v.roles.length ? (
        <ul className="ac-chips" aria-label="Roles this viewer holds">
          {v.roles.map((r) => (
            <li key={r.key} className="ac-chip">
              {r.name}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted ac-small">{v.kind === 'visitor' ? 'Not signed in: no roles.' : 'No roles.'}</p>
      )}
      {v.note ? (
        <p className="ac-viewer__note">
          <Info aria-hidden="true" />
          {v.note}
        </p>
      ) : null}
    </div>
  );
}

function HiddenList({ preview, onOpenPage }: { preview: Preview; onOpenPage: (path: string) => void }) {
  const { hiddenBlocks, hiddenPages } = preview;
  const count = hiddenBlocks.length + hiddenPages.length;
  return (
    <section className="ac-hidden" aria-labelledby="ac-hidden-title">
      <h2 id="ac-hidden-title" className="ac-hidden__title">
        Hidden for this viewer <span className="ac-hidden__count">{count}</span>
      </h2>
      {count === 0 ? (
        <p className="muted ac-small">Nothing on this page or in the portal’s pages is hidden from them.</p>
      ) : (
        <ul className="ac-hidden__list">
          {hiddenBlocks.map((b) => (
            <li key={b.id} className="ac-hidden__item">
              <EyeOff aria-hidden="true" />
              <span>
                <span className="ac-hidden__what">
                  {b.label}
                  {b.title ? <span className="ac-hidden__sub"> “{b.title}”</span> : null}
                </span>
                <span className="ac-hidden__why">{b.message}</span>
              </span>
            </li>
          ))}
          {hiddenPages.map((p) => (
            <li key={p.id} className="ac-hidden__item">
              <FileLock2 aria-hidden="true" />
              <span>
                <span className="ac-hidden__what">
                  Page {p.title} <span className="mono ac-hidden__sub">{p.path}</span>
                </span>
                <span className="ac-hidden__why">{p.message}</span>
                <button type="button" className="ac-linkbtn" onClick={() => onOpenPage(p.path)}>
                  See what they get there
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PreviewFrame({
  preview,
  busy,
  portal,
  onNavigate,
}: {
  preview: Preview;
  busy: boolean;
  portal: { name: string; slug: string };
  onNavigate: (t: { pageId: string } | { path: string }) => void;
}) {
  const p = preview.payload;
  const ctx = useMemo(() => ({ ...previewContext(portal, p.portal.locale), user: p.user }), [portal, p.portal.locale, p.user]);
  const nav = p.nav.map((n) => ({ id: n.id, title: n.title, current: n.current }));
  return (
    <div className="ac-preview__frame" aria-busy={busy || undefined}>
      <ThemedFrame theme={p.theme} portalName={p.portal.name} nav={nav} label={`Preview of ${p.page.title}`} onNavigate={onNavigate}>
        {p.status === 404 ? (
          <div className="pt-empty">
            <h1>Not for this viewer</h1>
            <p>This page does not exist for them: they get “Page not found”.</p>
          </div>
        ) : p.page.blocks.length ? (
          <BlockTree nodes={p.page.blocks} ctx={ctx} data={p.data} />
        ) : (
          <div className="pt-empty">
            <h1>{p.page.title}</h1>
            <p>Everything on this page is hidden from this viewer.</p>
          </div>
        )}
      </ThemedFrame>
    </div>
  );
}
