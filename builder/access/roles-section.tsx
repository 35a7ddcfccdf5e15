// The Roles section of a portal's workspace: the permission matrix (what each role grants) and
// "Preview as" (a page exactly as a role, a user or a visitor receives it). Roles are live, not part
// of the draft: a saved change applies to signed-in users at their next request. Loaded on demand
// (React.lazy in the workspace), like the Data section.
import { Eye, ShieldCheck } from 'lucide-react';
import type { Me } from '../app';
import { onLinkClick } from '../router';
import { canManageAccess, parseRolesRoute, rolesHref } from './access-queries';
import { PermissionMatrix } from './permission-matrix';
import { PreviewAs } from './preview-as';
import '../entity-data/data.css';
import './access.css';

export default function RolesSection({ me, portalId, rest }: { me: Me; portalId: string; rest: string[] }) {
  const route = parseRolesRoute(rest);
  if (!canManageAccess(me)) return <ManagersOnly what="roles" />;
  return (
    <div className="ac-section">
      <nav className="ac-subnav" aria-label="Roles">
        <a className="ac-subnav__link" href={rolesHref(portalId, { view: 'matrix' })} onClick={onLinkClick} aria-current={route.view === 'matrix' ? 'page' : undefined}>
          <ShieldCheck aria-hidden="true" />
          Permissions
        </a>
        <a
          className="ac-subnav__link"
          href={rolesHref(portalId, { view: 'preview', target: { kind: 'none' } })}
          onClick={onLinkClick}
          aria-current={route.view === 'preview' ? 'page' : undefined}
        >
          <Eye aria-hidden="true" />
          Preview as
        </a>
      </nav>
      {route.view === 'matrix' ? (
        <PermissionMatrix portalId={portalId} />
      ) : route.view === 'preview' ? (
        <PreviewAs portalId={portalId} target={route.target} />
      ) : (
        <div className="content">
          <div className="card empty-state" role="alert">
            <h1 className="sh-error-title">There is nothing at this address</h1>
            <p>The Roles section has the permissions and “Preview as”.</p>
            <a className="btn" href={rolesHref(portalId, { view: 'matrix' })} onClick={onLinkClick}>
              Back to the permissions
            </a>
          </div>
        </div>
      )}
    </div>
  );
}

/** Designers build pages and themes; who may see what is for owners and admins, and the server says so too. */
export function ManagersOnly({ what }: { what: 'roles' | 'users' }) {
  return (
    <div className="content">
      <div className="card empty-state">
        <span className="sh-empty-icon" aria-hidden="true">
          <ShieldCheck />
        </span>
        <h2>Only owners and admins manage {what}</h2>
        <p>
          {what === 'roles'
            ? 'Roles decide what every portal user may see and do, so they are kept to the people who manage the portal.'
            : 'Who may sign in to the portal, and with which roles, is decided by the people who manage the portal.'}
        </p>
      </div>
    </div>
  );
}
