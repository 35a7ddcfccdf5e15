// The versions section: every published version (number, note, who, when, which one is live), a
// read-only view of any of them, and rolling back (making an earlier version live again).
import { useQuery } from '@tanstack/react-query';
import { Eye, RotateCcw, Rocket } from 'lucide-react';
import { useState } from 'react';
import { api, errorMessage, useTRPC } from '../api';
import { hrefs, onLinkClick } from '../router';
import { Dialog } from '../ui/dialog';
import { toast } from '../ui/toasts';
import { formatAbsoluteTime, formatRelativeTime } from './format-time';
import { portalUrl, useRefreshPortals, type PortalSummary, type VersionSummary } from './portal-queries';
import { VersionPreview } from './version-preview';
import './shell.css';
import { LoadError, LoadingRows } from '../ui/load-states';

export function Versions({ portal, rest, onPublish, canPublish }: { portal: PortalSummary; rest: string[]; onPublish: () => void; canPublish: boolean }) {
  const viewing = rest[0] && /^\d+$/.test(rest[0]) ? Number(rest[0]) : null;
  const [rollingBack, setRollingBack] = useState<VersionSummary | null>(null);
  return (
    <>
      {viewing !== null ? (
        <VersionPreview portal={portal} number={viewing} onRollback={setRollingBack} />
      ) : (
        <VersionList portal={portal} onPublish={onPublish} canPublish={canPublish} onRollback={setRollingBack} />
      )}
      <RollbackDialog portal={portal} version={rollingBack} onClose={() => setRollingBack(null)} />
    </>
  );
}

function VersionList({ portal, onPublish, canPublish, onRollback }: { portal: PortalSummary; onPublish: () => void; canPublish: boolean; onRollback: (v: VersionSummary) => void }) {
  const trpc = useTRPC();
  const versions = useQuery(trpc.portals.versions.queryOptions({ id: portal.id }));
  return (
    <div className="content">
      <header className="page-header sh-page-header">
        <div>
          <h1>Versions</h1>
          <p className="sh-subtitle">Every publish is kept as it was. The live version is what visitors see; rolling back makes an earlier one live again.</p>
        </div>
      </header>
      {versions.isPending ? (
        <LoadingRows label="Loading versions" />
      ) : versions.isError ? (
        <LoadError title="The versions could not be loaded" error={versions.error} retry={() => void versions.refetch()} />
      ) : versions.data.length === 0 ? (
        <div className="card empty-state">
          <span className="sh-empty-icon" aria-hidden="true">
            <Rocket />
          </span>
          <h2>Not published yet</h2>
          <p>Visitors see nothing until the first publish. Each publish becomes a version here, with who published it, when, and a note.</p>
          <button type="button" className="btn btn--primary" onClick={onPublish} disabled={!canPublish}>
            Publish…
          </button>
        </div>
      ) : (
        <table className="table sh-versions-table">
          <caption className="visually-hidden">Published versions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Note</th>
              <th scope="col">Published by</th>
              <th scope="col">When</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.data.map((v) => (
              <tr key={v.id} className={v.live ? 'sh-row--live' : undefined}>
                <td>
                  <div className="sh-version-cell">
                    <span className="sh-version">v{v.number}</span>
                    {v.live ? (
                      <span className="badge badge--ok">
                        <span className="sh-live-dot" aria-hidden="true" />
                        Live
                      </span>
                    ) : null}
                  </div>
                </td>
                <td className="sh-note-cell">{v.note ? v.note : <span className="muted">No note</span>}</td>
                <td>{v.createdByEmail ?? <span className="muted">A removed admin</span>}</td>
                <td>
                  <time dateTime={v.createdAt} title={formatAbsoluteTime(v.createdAt)}>
                    {formatRelativeTime(v.createdAt)}
                  </time>
                  <div className="sh-cell-sub">{formatAbsoluteTime(v.createdAt)}</div>
                </td>
                <td className="sh-actions-cell">
                  <div className="sh-row-actions">
                    <a className="btn btn--small" href={hrefs.section(portal.id, 'versions', String(v.number))} onClick={onLinkClick}>
                      <Eye aria-hidden="true" />
                      View<span className="visually-hidden"> version {v.number}</span>
                    </a>
                    {v.live ? null : (
                      <button type="button" className="btn btn--small" onClick={() => onRollback(v)}>
                        <RotateCcw aria-hidden="true" />
                        Roll back<span className="visually-hidden"> to version {v.number}</span>
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function RollbackDialog({ portal, version, onClose }: { portal: PortalSummary; version: VersionSummary | null; onClose: () => void }) {
  const refresh = useRefreshPortals();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  const rollback = async () => {
    if (!version || busy) return;
    setBusy(true);
    setError(null);
    try {
      await api.portals.rollback.mutate({ id: portal.id, version: version.number });
      await refresh(portal.id);
      toast(`Version ${version.number} is live again`);
      close();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={version !== null}
      title={version ? `Roll back to version ${version.number}?` : 'Roll back'}
      onClose={close}
      actions={
        <>
          <button type="button" className="btn" onClick={close} autoFocus>
            Cancel
          </button>
          <button type="button" className="btn btn--primary" onClick={rollback} disabled={busy}>
            <RotateCcw aria-hidden="true" />
            {busy ? 'Rolling back…' : `Make version ${version?.number ?? ''} live`}
          </button>
        </>
      }
    >
      {version ? (
        <div className="sh-prose">
          <p>
            Visitors of <span className="mono">{portalUrl(portal)}</span> see version {version.number}
            {version.note ? <> (“{version.note}”)</> : null} again, right away.
          </p>
          <ul>
            <li>No version is deleted or changed: {portal.publishedVersion !== null ? <>version {portal.publishedVersion} stays in the list, and you can make it live again.</> : 'all stay in the list.'}</li>
            <li>Your draft is not changed: it still holds your latest edits, shown as unpublished changes.</li>
          </ul>
          {error ? (
            <p className="sh-callout sh-callout--danger" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </Dialog>
  );
}
