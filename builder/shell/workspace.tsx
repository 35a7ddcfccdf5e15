// The frame around one portal: a top bar (back to the portals, the portal's name, the sections, save
// and publishing state, "View portal", "Publish") and the active section below it. The draft is
// loaded once here for every section (useDraftSession) and autosaves while any section is open.
// The Data, Roles and Users sections are their own chunks, loaded when first opened, so the page
// editor does not wait for them.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ChevronRight, Database, ExternalLink, FileText, History, Mail, Palette, Settings, ShieldCheck, Users, type LucideIcon } from 'lucide-react';
import { Component, lazy, Suspense, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { errorCode, errorMessage, useTRPC } from '../api';
import type { Me } from '../app';
import { useDraftSession } from '../editor/draft-session';
import { PageEditor } from '../editor/page-editor';
import { SaveStatus } from '../editor/save-status';
import { SECTIONS, hrefs, onLinkClick, topSectionOf, type WorkspaceSection } from '../router';
import { useEditor } from '../store/editor-store';
import { Outbox } from './outbox';
import { BrandMark } from './portal-list';
import { PublishDialog } from './publish-dialog';
import { portalUrl, whyNotViewable, type PortalSummary } from './portal-queries';
import { PortalSettings } from './settings';
import { ThemeEditor } from './theme-editor';
import { Versions } from './versions';
import './shell.css';

const DataSection = lazy(() => import('../entity-data/data-section'));
const RolesSection = lazy(() => import('../access/roles-section'));
const UsersSection = lazy(() => import('../access/users-section'));

const SECTION_META: Record<WorkspaceSection, { label: string; icon: LucideIcon }> = {
  pages: { label: 'Pages', icon: FileText },
  theme: { label: 'Theme', icon: Palette },
  roles: { label: 'Roles', icon: ShieldCheck },
  users: { label: 'Users', icon: Users },
  outbox: { label: 'Outbox', icon: Mail },
  data: { label: 'Data', icon: Database },
  settings: { label: 'Settings', icon: Settings },
  versions: { label: 'Versions', icon: History },
};

type DraftSession = ReturnType<typeof useDraftSession>;

export function Workspace({ me, portalId, section, rest }: { me: Me; portalId: string; section: WorkspaceSection; rest: string[] }) {
  const trpc = useTRPC();
  const portalQuery = useQuery(trpc.portals.get.queryOptions({ id: portalId }));
  const session = useDraftSession(portalId, me);
  const [publishing, setPublishing] = useState(false);
  const portal = portalQuery.data;
  useRefreshAfterSaves(portalId);

  useEffect(() => {
    document.title = `${SECTION_META[section].label}${portal ? ` · ${portal.name}` : ''} · Portico`;
  }, [section, portal]);

  if (portalQuery.isError) {
    const missing = errorCode(portalQuery.error) === 'NOT_FOUND';
    return (
      <div className="sh-workspace">
        <main className="sh-center">
          <div className="card empty-state sh-error-card" role="alert">
            <h1 className="sh-error-title">{missing ? 'There is no such portal' : 'The portal could not be loaded'}</h1>
            <p>{missing ? 'It may have been removed, or the address is mistyped.' : errorMessage(portalQuery.error)}</p>
            <a className="btn" href={hrefs.portals()} onClick={onLinkClick}>
              Back to the portals
            </a>
          </div>
        </main>
      </div>
    );
  }

  const draftReady = session.state === 'ready';
  return (
    <div className="sh-workspace">
      <WorkspaceBar portal={portal} portalId={portalId} section={section} draftReady={draftReady} onPublish={() => setPublishing(true)} />
      <main className={`sh-workspace__main sh-workspace__main--${section}`} aria-label={SECTION_META[section].label}>
        {section === 'pages' ? (
          <DraftGate session={session}>
            <PageEditor portalId={portalId} />
          </DraftGate>
        ) : section === 'theme' ? (
          <DraftGate session={session}>{portal ? <ThemeEditor portal={portal} /> : <Loading what="the portal" />}</DraftGate>
        ) : section === 'outbox' ? (
          <Outbox me={me} portalId={portalId} rest={rest} />
        ) : section === 'data' ? (
          <ChunkGate what="the Data section">
            <Suspense fallback={<Loading what="the data" />}>
              <DataSection me={me} portalId={portalId} rest={rest} />
            </Suspense>
          </ChunkGate>
        ) : section === 'roles' ? (
          <ChunkGate what="the Roles section">
            <Suspense fallback={<Loading what="the roles" />}>
              <RolesSection me={me} portalId={portalId} rest={rest} />
            </Suspense>
          </ChunkGate>
        ) : section === 'users' ? (
          <ChunkGate what="the Users section">
            <Suspense fallback={<Loading what="the users" />}>
              <UsersSection me={me} portalId={portalId} />
            </Suspense>
          </ChunkGate>
        ) : !portal ? (
          <Loading what="the portal" />
        ) : section === 'settings' ? (
          <PortalSettings me={me} portal={portal} />
        ) : (
          <Versions portal={portal} rest={rest} onPublish={() => setPublishing(true)} canPublish={draftReady} />
        )}
      </main>
      <PublishDialog open={publishing} portalId={portalId} onClose={() => setPublishing(false)} />
    </div>
  );
}

function WorkspaceBar({
  portal,
  portalId,
  section,
  draftReady,
  onPublish,
}: {
  portal: PortalSummary | undefined;
  portalId: string;
  section: WorkspaceSection;
  draftReady: boolean;
  onPublish: () => void;
}) {
  return (
    <header className="topbar sh-topbar sh-wsbar">
      <div className="sh-wsbar__left">
        <a className="sh-wsbar__home" href={hrefs.portals()} onClick={onLinkClick} aria-label="Portico: all portals" title="All portals">
          <BrandMark />
        </a>
        <ChevronRight aria-hidden="true" className="sh-wsbar__sep" />
        <span className="sh-wsbar__portal" title={portal?.name}>
          {portal?.name ?? '\u00a0'}
        </span>
        {portal && !portal.active ? <span className="badge badge--muted">{portal.archived ? 'Archived' : 'Inactive'}</span> : null}
      </div>
      <nav className="sh-sections" aria-label="Portal sections">
        <ul>
          {SECTIONS.map((s) => {
            const { label, icon: Icon } = SECTION_META[s];
            return (
              <li key={s}>
                <a href={hrefs.section(portalId, s)} onClick={onLinkClick} aria-current={s === topSectionOf(section) ? 'page' : undefined} className="sh-sections__link">
                  <Icon aria-hidden="true" />
                  {label}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="sh-wsbar__right">
        {draftReady ? <SaveStatus /> : null}
        {portal ? <PublishState portal={portal} portalId={portalId} /> : null}
        {portal ? <ViewPortal portal={portal} /> : null}
        <button
          type="button"
          className="btn btn--primary"
          onClick={onPublish}
          disabled={!draftReady || !portal || portal.archived}
          title={portal?.archived ? 'An archived portal cannot be published.' : !draftReady ? 'Waiting for the draft to load.' : undefined}
        >
          Publish…
        </button>
      </div>
    </header>
  );
}

/** "Unpublished changes" when the draft (saved or not) differs from the live version, else the live version. */
function PublishState({ portal, portalId }: { portal: PortalSummary; portalId: string }) {
  const localEdits = useEditor((s) => s.portalId === portalId && s.doc !== s.savedDoc);
  if (portal.hasUnpublishedChanges || localEdits) {
    return (
      <span className="badge badge--warn sh-pubstate" title={portal.publishedVersion === null ? 'Never published' : `Visitors see version ${portal.publishedVersion}`}>
        <span className="sh-pubstate__dot" aria-hidden="true" />
        Unpublished changes
      </span>
    );
  }
  return portal.publishedVersion === null ? (
    <span className="badge badge--muted">Never published</span>
  ) : (
    <span className="badge badge--ok sh-pubstate" title="The draft is the same as the live version">
      <span className="sh-live-dot" aria-hidden="true" />
      Live v{portal.publishedVersion}
    </span>
  );
}

function ViewPortal({ portal }: { portal: PortalSummary }) {
  const why = whyNotViewable(portal);
  const whyId = useId();
  if (why) {
    // Focusable, so keyboard and screen reader users can find out why it does nothing yet.
    return (
      <>
        <button type="button" className="btn btn--ghost sh-view-portal" aria-disabled="true" title={why} aria-describedby={whyId}>
          <ExternalLink aria-hidden="true" />
          View portal
        </button>
        <span id={whyId} className="visually-hidden">
          {why}
        </span>
      </>
    );
  }
  return (
    <a className="btn btn--ghost sh-view-portal" href={portalUrl(portal)} target="_blank" rel="noreferrer">
      <ExternalLink aria-hidden="true" />
      View portal
      <span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}

function DraftGate({ session, children }: { session: DraftSession; children: ReactNode }) {
  if (session.state === 'ready') return <>{children}</>;
  if (session.state === 'loading') return <Loading what="the draft" />;
  return (
    <div className="sh-center">
      <div className="card empty-state sh-error-card" role="alert">
        <h1 className="sh-error-title">The draft could not be loaded</h1>
        <p>{session.error ?? 'Something went wrong while loading the draft.'}</p>
        <div className="sh-error-card__actions">
          <button type="button" className="btn btn--primary" onClick={() => location.reload()}>
            Reload
          </button>
          <a className="btn" href={hrefs.portals()} onClick={onLinkClick}>
            Back to the portals
          </a>
        </div>
      </div>
    </div>
  );
}

/** A lazily loaded section whose code cannot be fetched (offline, or a newer build replaced it): say so and offer a reload. */
class ChunkGate extends Component<{ what: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="sh-center">
        <div className="card empty-state sh-error-card" role="alert">
          <h1 className="sh-error-title">{`${this.props.what[0]!.toUpperCase()}${this.props.what.slice(1)} could not be loaded`}</h1>
          <p>The connection may have dropped, or the builder was updated meanwhile.</p>
          <div className="sh-error-card__actions">
            <button type="button" className="btn btn--primary" onClick={() => location.reload()}>
              Reload
            </button>
          </div>
        </div>
      </div>
    );
  }
}

function Loading({ what }: { what: string }) {
  return (
    <div className="sh-center" aria-busy="true" role="status">
      <span className="sh-spinner" aria-hidden="true" />
      <span className="muted">Loading {what}…</span>
    </div>
  );
}

/** After each autosave the server's "unpublished changes" flag may have flipped: refetch the summary. */
function useRefreshAfterSaves(portalId: string): void {
  const qc = useQueryClient();
  const trpc = useTRPC();
  const revision = useEditor((s) => (s.portalId === portalId ? s.baseRevision : null));
  const last = useRef(revision);
  useEffect(() => {
    const previous = last.current;
    last.current = revision;
    // The first revision is the load itself, not a save.
    if (previous === null || revision === null || previous === revision) return;
    void qc.invalidateQueries({ queryKey: trpc.portals.get.queryKey({ id: portalId }) });
    void qc.invalidateQueries({ queryKey: trpc.portals.list.queryKey() });
  }, [revision, portalId, qc, trpc]);
}
