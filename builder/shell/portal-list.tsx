// The builder's home: the signed-in admin's portals with their address, status and publishing state,
// and the row actions (open, rename, activate, make default, archive) and "New portal".
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Archive, ArrowUpRight, LogOut, Pencil, Plus, Power, Star } from 'lucide-react';
import { useId, useState } from 'react';
import { api, errorMessage, useTRPC } from '../api';
import type { Me } from '../app';
import { hrefs, onLinkClick } from '../router';
import { toast } from '../ui/toasts';
import { formatAbsoluteTime, formatRelativeTime } from './format-time';
import { ArchivePortalDialog, NewPortalDialog, RenamePortalDialog } from './portal-dialogs';
import { MANAGERS_ONLY, canManagePortals, portalUrl, useRefreshPortals, whyNotViewable, type PortalSummary } from './portal-queries';
import { RowMenu, type MenuItem } from './row-menu';
import './shell.css';
import { LoadError, LoadingRows } from '../ui/load-states';

export function PortalList({ me }: { me: Me }) {
  const trpc = useTRPC();
  const manager = canManagePortals(me);
  const [showArchived, setShowArchived] = useState(false);
  const list = useQuery(trpc.portals.list.queryOptions({ includeArchived: showArchived }));
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<PortalSummary | null>(null);
  const [archiving, setArchiving] = useState<PortalSummary | null>(null);
  const switchId = useId();

  return (
    <div className="sh-app">
      <AccountBar me={me} />
      <main className="content sh-portals">
        <div className="page-header sh-page-header">
          <div>
            <h1>Portals</h1>
            <p className="sh-subtitle">Each portal is its own site for customers or partners, with its own pages, theme and address.</p>
          </div>
          <div className="sh-toolbar">
            <label className="sh-switch-label" htmlFor={switchId}>
              <input id={switchId} type="checkbox" className="switch" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
              Show archived
            </label>
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => setCreating(true)}
              disabled={!manager}
              title={manager ? undefined : MANAGERS_ONLY}
              aria-describedby={manager ? undefined : `${switchId}-why`}
            >
              <Plus aria-hidden="true" />
              New portal
            </button>
            {manager ? null : (
              <span id={`${switchId}-why`} className="visually-hidden">
                {MANAGERS_ONLY}
              </span>
            )}
          </div>
        </div>
        {manager ? null : (
          <p className="sh-callout sh-callout--info">
            You are signed in as a designer: open a portal to edit its pages and theme, and publish. Owners and admins create, rename and archive portals.
          </p>
        )}

        {list.isPending ? (
          <LoadingRows label="Loading portals" />
        ) : list.isError ? (
          <LoadError title="The portals could not be loaded" error={list.error} retry={() => void list.refetch()} />
        ) : list.data.length === 0 ? (
          <div className="card empty-state">
            <h2>{showArchived ? 'No portals at all' : 'No portals yet'}</h2>
            <p>{manager ? 'Create your first portal: it starts with a blank home page and the default theme.' : 'An owner or admin creates portals; they appear here.'}</p>
            {manager ? (
              <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
                <Plus aria-hidden="true" />
                New portal
              </button>
            ) : null}
          </div>
        ) : (
          <table className="table sh-portal-table">
            <caption className="visually-hidden">Portals{showArchived ? ', archived ones included' : ''}</caption>
            <thead>
              <tr>
                <th scope="col">Portal</th>
                <th scope="col">Address</th>
                <th scope="col">Status</th>
                <th scope="col">Published</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((p) => (
                <PortalRow key={p.id} portal={p} manager={manager} onRename={() => setRenaming(p)} onArchive={() => setArchiving(p)} />
              ))}
            </tbody>
          </table>
        )}
      </main>
      <NewPortalDialog open={creating} onClose={() => setCreating(false)} />
      <RenamePortalDialog portal={renaming} onClose={() => setRenaming(null)} />
      <ArchivePortalDialog portal={archiving} onClose={() => setArchiving(null)} />
    </div>
  );
}

function PortalRow({ portal: p, manager, onRename, onArchive }: { portal: PortalSummary; manager: boolean; onRename: () => void; onArchive: () => void }) {
  const refresh = useRefreshPortals();
  const open = hrefs.section(p.id, 'pages');
  const unreachable = whyNotViewable(p);

  const run = async (what: () => Promise<unknown>, done: string) => {
    try {
      await what();
      await refresh(p.id);
      toast(done);
    } catch (err) {
      toast(errorMessage(err), 'error');
    }
  };

  const items: MenuItem[] = p.archived
    ? []
    : [
        { label: 'Rename…', icon: <Pencil aria-hidden="true" />, onSelect: onRename },
        p.active
          ? {
              label: 'Deactivate',
              icon: <Power aria-hidden="true" />,
              onSelect: () => void run(() => api.portals.activate.mutate({ id: p.id, active: false }), `${p.name} is inactive: visitors get “not found”`),
            }
          : { label: 'Activate', icon: <Power aria-hidden="true" />, onSelect: () => void run(() => api.portals.activate.mutate({ id: p.id, active: true }), `${p.name} is active`) },
        {
          label: 'Set as default',
          icon: <Star aria-hidden="true" />,
          disabled: p.isDefault,
          hint: 'This is already the default portal.',
          onSelect: () => void run(() => api.portals.setDefault.mutate({ id: p.id }), `${p.name} is now the default portal (/portal/)`),
        },
        { label: 'Archive…', icon: <Archive aria-hidden="true" />, danger: true, onSelect: onArchive },
      ];

  return (
    <tr className={p.archived ? 'sh-row--archived' : undefined}>
      <td>
        <div className="sh-portal-name">
          <a href={open} onClick={onLinkClick} className="sh-portal-name__link">
            <span className="sh-portal-mark" aria-hidden="true">
              {p.name.trim().slice(0, 1).toUpperCase()}
            </span>
            {p.name}
          </a>
          {p.isDefault ? <span className="badge sh-badge-default">default</span> : null}
        </div>
        <div className="sh-cell-sub" title={formatAbsoluteTime(p.updatedAt)}>
          Updated {formatRelativeTime(p.updatedAt)}
        </div>
      </td>
      <td>
        {unreachable ? (
          <span className="mono sh-address" title={unreachable}>
            /p/{p.slug}
          </span>
        ) : (
          <a className="mono sh-address sh-address--link" href={portalUrl(p)} target="_blank" rel="noreferrer">
            /p/{p.slug}
            <ArrowUpRight aria-hidden="true" />
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        )}
        {p.domains.length ? <div className="sh-cell-sub mono">{p.domains.join(', ')}</div> : null}
      </td>
      <td>
        {p.archived ? (
          <span className="badge badge--muted">Archived</span>
        ) : p.active ? (
          <span className="sh-status sh-status--on">Active</span>
        ) : (
          <span className="sh-status sh-status--off">Inactive</span>
        )}
      </td>
      <td>
        <div className="sh-published">
          {p.publishedVersion !== null ? <span className="sh-version">v{p.publishedVersion}</span> : <span className="muted">Never published</span>}
          {p.hasUnpublishedChanges && !p.archived ? <span className="badge badge--warn">Unpublished changes</span> : null}
        </div>
      </td>
      <td className="sh-actions-cell">
        <div className="sh-row-actions">
          <a className="btn btn--small" href={open} onClick={onLinkClick} aria-label={`Open ${p.name}`}>
            Open
          </a>
          {items.length ? (
            manager ? (
              <RowMenu label={`More actions for ${p.name}`} items={items} />
            ) : (
              <span className="sh-row-actions__spacer" title={MANAGERS_ONLY} />
            )
          ) : (
            <span className="sh-row-actions__spacer" />
          )}
        </div>
      </td>
    </tr>
  );
}

/** The top bar of the portal list: brand, who is signed in, sign out. */
function AccountBar({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const signOut = async () => {
    try {
      await api.auth.logout.mutate();
    } catch (err) {
      toast(errorMessage(err), 'error');
      return;
    }
    // Resetting drops every cached answer; auth.me then fails with 401 and the app shows the sign-in.
    await queryClient.resetQueries();
  };
  return (
    <header className="topbar sh-topbar">
      <div className="topbar__left">
        <a className="brand sh-brand" href={hrefs.portals()} onClick={onLinkClick}>
          <BrandMark />
          Portico
        </a>
      </div>
      <div className="topbar__right">
        <span className="sh-account">
          <span className="sh-account__avatar" aria-hidden="true">
            {(me.name || me.email).slice(0, 1).toUpperCase()}
          </span>
          <span className="sh-account__email">{me.email}</span>
          <span className="badge badge--muted sh-role">{me.role}</span>
        </span>
        <button type="button" className="btn btn--ghost" onClick={signOut}>
          <LogOut aria-hidden="true" />
          Sign out
        </button>
      </div>
    </header>
  );
}

/** Portico's mark: a portico's columns under a pediment, drawn small. */
export function BrandMark() {
  return (
    <svg className="sh-brand__mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect width="24" height="24" rx="6" fill="currentColor" />
      <path d="M5 9.5 12 5l7 4.5H5Zm1.5 1.5h2v6h-2v-6Zm4.5 0h2v6h-2v-6Zm4.5 0h2v6h-2v-6ZM5 18h14v1.5H5V18Z" fill="#fff" />
    </svg>
  );
}
