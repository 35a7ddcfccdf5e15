// One published version, read-only: its pages rendered with its own theme, a page switcher, and
// rolling back to it. Nothing here can change the version (versions are immutable on the server too).
import { useQuery } from '@tanstack/react-query';
import { ArrowLeft, Lock, RotateCcw } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import { matchPage, pageTitleOf, type PortalDocument } from '../../core';
import { errorMessage, useTRPC } from '../api';
import { hrefs, onLinkClick } from '../router';
import { BlockTree } from '../../runtime/block-tree';
import { formatAbsoluteTime, formatRelativeTime } from './format-time';
import type { PortalSummary, VersionSummary } from './portal-queries';
import { ThemedFrame, previewContext, type FrameNavItem } from './themed-frame';
import './shell.css';

const EMPTY_DATA: Record<string, unknown> = {};

export function VersionPreview({ portal, number, onRollback }: { portal: PortalSummary; number: number; onRollback: (v: VersionSummary) => void }) {
  const trpc = useTRPC();
  // Versions never change: once loaded, never refetched.
  const version = useQuery({ ...trpc.portals.version.queryOptions({ id: portal.id, number }), staleTime: Infinity });
  const back = (
    <a className="btn btn--ghost btn--small" href={hrefs.section(portal.id, 'versions')} onClick={onLinkClick}>
      <ArrowLeft aria-hidden="true" />
      All versions
    </a>
  );
  if (version.isPending) {
    return (
      <div className="sh-center" aria-busy="true">
        <p className="muted">Loading version {number}…</p>
      </div>
    );
  }
  if (version.isError) {
    return (
      <div className="sh-center">
        <div className="card empty-state" role="alert">
          <h1 className="sh-error-title">Version {number} could not be opened</h1>
          <p>{errorMessage(version.error)}</p>
          {back}
        </div>
      </div>
    );
  }
  const v = version.data;
  return (
    <div className="sh-version-view">
      <div className="sh-version-view__bar">
        {back}
        <div className="sh-version-view__title">
          <h1>Version {v.number}</h1>
          <span className="badge badge--muted sh-readonly">
            <Lock aria-hidden="true" className="sh-badge-icon" />
            Read-only
          </span>
          {v.live ? (
            <span className="badge badge--ok">
              <span className="sh-live-dot" aria-hidden="true" />
              Live
            </span>
          ) : null}
        </div>
        <p className="sh-version-view__meta">
          {v.note ? <span className="sh-version-view__note">“{v.note}”</span> : null}
          <span>
            Published by {v.createdByEmail ?? 'a removed admin'}{' '}
            <time dateTime={v.createdAt} title={formatAbsoluteTime(v.createdAt)}>
              {formatRelativeTime(v.createdAt)}
            </time>
          </span>
        </p>
        {v.live ? null : (
          <button type="button" className="btn btn--small sh-version-view__rollback" onClick={() => onRollback(v)}>
            <RotateCcw aria-hidden="true" />
            Roll back to this version
          </button>
        )}
      </div>
      <VersionPages key={v.id} doc={v.document} portal={portal} />
    </div>
  );
}

function VersionPages({ doc, portal }: { doc: PortalDocument; portal: PortalSummary }) {
  const id = useId();
  const home = doc.pages.find((p) => p.path === '/') ?? doc.pages[0];
  const [pageId, setPageId] = useState(home?.id ?? '');
  const page = doc.pages.find((p) => p.id === pageId) ?? home;
  const ctx = useMemo(() => previewContext(portal, portal.settings.defaultLocale), [portal]);
  const nav: FrameNavItem[] = useMemo(
    () =>
      doc.navigation
        .map((navId) => doc.pages.find((p) => p.id === navId))
        .filter((p) => p !== undefined && p.inNav)
        .map((p) => ({ id: p!.id, title: pageTitleOf(p!), current: p!.id === page?.id })),
    [doc, page?.id],
  );
  if (!page) return <p className="sh-empty-line">This version has no pages.</p>;
  return (
    <div className="sh-version-view__body">
      <nav className="sh-version-view__pages" aria-labelledby={id}>
        <h2 id={id} className="sh-version-view__pages-title">
          Pages <span className="muted">{doc.pages.length}</span>
        </h2>
        <ul>
          {doc.pages.map((p) => (
            <li key={p.id}>
              <button type="button" className="sh-version-view__page" aria-current={p.id === page.id ? 'page' : undefined} onClick={() => setPageId(p.id)}>
                <span className="sh-version-view__page-title">{pageTitleOf(p)}</span>
                <span className="mono sh-version-view__page-path">{p.path}</span>
              </button>
            </li>
          ))}
        </ul>
        <p className="sh-version-view__hint">
          <Lock aria-hidden="true" />
          <span>
            A published version cannot be edited. To change the portal, edit the draft in{' '}
            <a href={hrefs.section(portal.id, 'pages')} onClick={onLinkClick}>
              Pages
            </a>{' '}
            and publish again. Shown to a sample signed-in customer; audience and role rules are not applied here.
          </span>
        </p>
      </nav>
      <div className="sh-version-view__canvas">
        <ThemedFrame
          theme={doc.theme}
          portalName={portal.name}
          nav={nav}
          label={`Version preview: ${pageTitleOf(page)}`}
          onNavigate={(target) => {
            const next = 'pageId' in target ? target.pageId : matchPage(doc.pages, target.path)?.page.id;
            if (next) setPageId(next);
          }}
        >
          {page.blocks.length ? <BlockTree nodes={page.blocks} ctx={ctx} data={EMPTY_DATA} /> : <div className="pt-empty"><h1>{pageTitleOf(page)}</h1></div>}
        </ThemedFrame>
      </div>
    </div>
  );
}
