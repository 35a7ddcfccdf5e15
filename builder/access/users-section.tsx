// The Users section of a portal's workspace: the people who sign in to the portal, with search, a
// status and a role filter, and cursor paging (no totals: the footer says what is on screen, as the
// records table does). Invite one person (optionally from a contact), invite many from a CSV file,
// resend invitations, change roles and the linked contact, disable and enable. Changes are live:
// a disabled user is signed out at their next request. Loaded on demand, like the Data section.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Eye, Link2, Mail, Plus, Power, Search, ShieldCheck, Upload, UserRound, X } from 'lucide-react';
import { useId, useState } from 'react';
import type { Me } from '../app';
import { useTRPC } from '../api';
import { useDebounced } from '../entity-data/record-picker';
import { hrefs, navigate, onLinkClick } from '../router';
import { CursorPager, useCursorStack } from '../ui/cursor-pager';
import { formatAbsoluteTime, formatRelativeTime } from '../shell/format-time';
import { RowMenu, type MenuItem } from '../shell/row-menu';
import { LoadingRows } from '../ui/load-states';
import { canManageAccess, initialsOf, invitationState, rolesHref, useRoles, type PortalRole, type PortalUser, type UserStatus } from './access-queries';
import { ManagersOnly } from './roles-section';
import { ContactDialog, ImportUsersDialog, InviteDialog, RolesDialog, SendInviteDialog, StatusDialog } from './user-dialogs';
import '../entity-data/data.css';
import './access.css';


type Dialog =
  | { kind: 'invite' }
  | { kind: 'import' }
  | { kind: 'roles'; user: PortalUser }
  | { kind: 'contact'; user: PortalUser }
  | { kind: 'status'; user: PortalUser }
  | { kind: 'send'; user: PortalUser }
  | null;

export default function UsersSection({ me, portalId }: { me: Me; portalId: string }) {
  if (!canManageAccess(me)) return <ManagersOnly what="users" />;
  return <UsersList portalId={portalId} />;
}

function UsersList({ portalId }: { portalId: string }) {
  const trpc = useTRPC();
  const ids = useId();
  const roles = useRoles(portalId);
  const [searchText, setSearchText] = useState('');
  const search = useDebounced(searchText.trim(), 300);
  const [status, setStatus] = useState<UserStatus | ''>('');
  const [roleId, setRoleId] = useState('');
  const [limit, setLimit] = useState<number>(25);
  const [dialog, setDialog] = useState<Dialog>(null);
  // Any change to what is asked for starts again at the first page.
  const base = JSON.stringify({ search, status, roleId, limit });
  const stack = useCursorStack(base);
  const { cursors, current: cursor } = stack;
  const page = useQuery({
    ...trpc.portalUsers.list.queryOptions({ id: portalId, ...(search ? { search } : {}), ...(status ? { status } : {}), ...(roleId ? { roleId } : {}), limit, ...(cursor ? { cursor } : {}) }),
    placeholderData: keepPreviousData,
  });
  const rows = page.data?.items ?? [];
  const narrowed = Boolean(search || status || roleId);
  const defaults = (roles.data ?? []).filter((r) => r.isDefault);

  return (
    <div className="content dt-content dt-content--wide ac-users">
      <header className="page-header sh-page-header">
        <div>
          <h1>Users</h1>
          <p className="sh-subtitle">
            The people who sign in to this portal. Each holds their own roles
            {defaults.length ? (
              <>
                {' '}
                and the default role{defaults.length === 1 ? '' : 's'} <strong>{defaults.map((r) => r.name).join(', ')}</strong>
              </>
            ) : null}
            ; linked to a contact, they see their own and their company’s records.
          </p>
        </div>
        <div className="dt-header-actions">
          <a className="btn" href={hrefs.section(portalId, 'outbox')} onClick={onLinkClick}>
            <Mail aria-hidden="true" />
            Outbox
          </a>
          <button type="button" className="btn" onClick={() => setDialog({ kind: 'import' })}>
            <Upload aria-hidden="true" />
            Import CSV
          </button>
          <button type="button" className="btn btn--primary" onClick={() => setDialog({ kind: 'invite' })}>
            <Plus aria-hidden="true" />
            Invite user
          </button>
        </div>
      </header>

      <div className="dt-tablecard">
        <div className="dt-toolbar" role="search" aria-label="Search and filter users">
          <div className="dt-search">
            <Search aria-hidden="true" className="dt-search__icon" />
            <input
              className="input dt-search__input"
              type="search"
              aria-label="Search users"
              placeholder="Search by name or email…"
              value={searchText}
              onChange={(e) => setSearchText(e.target.value)}
            />
          </div>
          <select className="select ac-filter" aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value as UserStatus | '')}>
            <option value="">All statuses</option>
            <option value="active">Active</option>
            <option value="invited">Invited</option>
            <option value="disabled">Disabled</option>
          </select>
          <select className="select ac-filter" aria-label="Role" value={roleId} onChange={(e) => setRoleId(e.target.value)}>
            <option value="">All roles</option>
            {(roles.data ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
          {page.isFetching && !page.isPending ? <span className="sh-spinner dt-toolbar__spinner" role="status" aria-label="Updating" /> : null}
          <span className="dt-toolbar__hint">A role filter lists users who hold the role themselves.</span>
        </div>

        {page.isPending ? (
          <LoadingRows label="Loading the users" />
        ) : page.isError ? (
          <div className="dt-table-error" role="alert">
            <p>
              <strong>The users could not be listed.</strong> {page.error.message}
            </p>
            <button type="button" className="btn btn--small" onClick={() => void page.refetch()}>
              Try again
            </button>
          </div>
        ) : rows.length === 0 ? (
          <EmptyUsers
            narrowed={narrowed}
            firstPage={cursors.length === 0}
            onClear={() => {
              setSearchText('');
              setStatus('');
              setRoleId('');
            }}
            onInvite={() => setDialog({ kind: 'invite' })}
            onImport={() => setDialog({ kind: 'import' })}
          />
        ) : (
          <div className="dt-table-scroll">
            <table className="table ac-users-table" aria-describedby={`${ids}-status`}>
              <caption className="visually-hidden">Users of this portal, by email</caption>
              <thead>
                <tr>
                  <th scope="col">User</th>
                  <th scope="col">Status</th>
                  <th scope="col">Roles</th>
                  <th scope="col">Contact</th>
                  <th scope="col">Last sign-in</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((u) => (
                  <UserRow key={u.id} user={u} defaults={defaults} onDialog={setDialog} onPreview={() => navigate(rolesHref(portalId, { view: 'preview', target: { kind: 'user', id: u.id } }))} />
                ))}
              </tbody>
            </table>
          </div>
        )}

        {!page.isPending && !page.isError && (rows.length > 0 || cursors.length > 0) ? (
          <CursorPager statusId={`${ids}-status`} count={rows.length} limit={limit} onLimit={setLimit} stack={stack} nextCursor={page.data?.nextCursor} busy={page.isFetching} narrowed={narrowed} noun={{ one: 'user', many: 'users' }} />
        ) : null}
      </div>

      <InviteDialog open={dialog?.kind === 'invite'} portalId={portalId} roles={roles.data ?? []} onClose={() => setDialog(null)} />
      <ImportUsersDialog open={dialog?.kind === 'import'} portalId={portalId} roles={roles.data ?? []} onClose={() => setDialog(null)} />
      <RolesDialog portalId={portalId} user={dialog?.kind === 'roles' ? dialog.user : null} roles={roles.data ?? []} onClose={() => setDialog(null)} />
      <ContactDialog portalId={portalId} user={dialog?.kind === 'contact' ? dialog.user : null} onClose={() => setDialog(null)} />
      <StatusDialog portalId={portalId} user={dialog?.kind === 'status' ? dialog.user : null} onClose={() => setDialog(null)} />
      <SendInviteDialog portalId={portalId} user={dialog?.kind === 'send' ? dialog.user : null} onClose={() => setDialog(null)} />
    </div>
  );
}

function UserRow({ user, defaults, onDialog, onPreview }: { user: PortalUser; defaults: PortalRole[]; onDialog: (d: Dialog) => void; onPreview: () => void }) {
  const invite = invitationState(user);
  const items: MenuItem[] = [
    { label: 'Change roles…', icon: <ShieldCheck aria-hidden="true" />, onSelect: () => onDialog({ kind: 'roles', user }) },
    { label: user.contact ? 'Change contact…' : 'Link a contact…', icon: <Link2 aria-hidden="true" />, onSelect: () => onDialog({ kind: 'contact', user }) },
    ...(user.status !== 'active'
      ? [{ label: invite === 'pending' || invite === 'expired' ? 'Resend invitation…' : 'Send invitation…', icon: <Mail aria-hidden="true" />, onSelect: () => onDialog({ kind: 'send', user }) }]
      : []),
    { label: 'Preview as this user', icon: <Eye aria-hidden="true" />, onSelect: onPreview },
    user.status === 'disabled'
      ? { label: 'Enable…', icon: <Power aria-hidden="true" />, onSelect: () => onDialog({ kind: 'status', user }) }
      : { label: 'Disable…', icon: <Power aria-hidden="true" />, onSelect: () => onDialog({ kind: 'status', user }), danger: true },
  ];
  const inherited = defaults.filter((d) => !user.roles.some((r) => r.id === d.id));
  return (
    <tr className={user.status === 'disabled' ? 'dt-row--inactive' : undefined}>
      <td>
        <div className="ac-user">
          <span className={`ac-avatar${user.status === 'disabled' ? ' ac-avatar--off' : ''}`} aria-hidden="true">
            {initialsOf(user.name, user.email)}
          </span>
          <span className="ac-user__text">
            <span className="ac-user__name">{user.name}</span>
            <span className="ac-user__email">{user.email}</span>
          </span>
        </div>
      </td>
      <td>
        <StatusCell user={user} />
      </td>
      <td>
        <ul className="ac-chips" aria-label={`Roles of ${user.name}`}>
          {user.roles.map((r) => (
            <li key={r.id} className="ac-chip">
              {r.name}
            </li>
          ))}
          {inherited.map((r) => (
            <li key={r.id} className="ac-chip ac-chip--default" title="A default role: every user holds it">
              {r.name}
            </li>
          ))}
          {user.roles.length === 0 && inherited.length === 0 ? <li className="ac-muted">No roles</li> : null}
        </ul>
      </td>
      <td>
        {user.contact ? (
          <span className="ac-contact">
            <UserRound aria-hidden="true" />
            <span className="dt-clip">{user.contact.title || 'Untitled contact'}</span>
          </span>
        ) : (
          <span className="ac-muted">Not linked</span>
        )}
      </td>
      <td className="dt-cell--time">
        {user.lastLoginAt ? (
          <time dateTime={user.lastLoginAt} title={formatAbsoluteTime(user.lastLoginAt)}>
            {formatRelativeTime(user.lastLoginAt)}
          </time>
        ) : (
          <span className="ac-muted">Never</span>
        )}
        {user.activeSessions > 0 ? <div className="sh-cell-sub">Signed in on {user.activeSessions === 1 ? 'one device' : `${user.activeSessions} devices`}</div> : null}
      </td>
      <td className="sh-actions-cell">
        <RowMenu label={`Actions for ${user.name}`} items={items} />
      </td>
    </tr>
  );
}

function StatusCell({ user }: { user: PortalUser }) {
  const invite = invitationState(user);
  if (user.status === 'active') return <span className="badge badge--ok">Active</span>;
  if (user.status === 'disabled') return <span className="badge badge--muted">Disabled</span>;
  return (
    <div className="ac-status">
      <span className="badge badge--warn">Invited</span>
      <span className="sh-cell-sub">
        {invite === 'not-sent' ? (
          'Invitation not sent yet'
        ) : invite === 'expired' ? (
          <span className="sh-warn-text">Invitation expired</span>
        ) : user.invitation ? (
          <time dateTime={user.invitation.sentAt} title={`Sent ${formatAbsoluteTime(user.invitation.sentAt)}; the link works until ${formatAbsoluteTime(user.invitation.expiresAt)}`}>
            Sent {formatRelativeTime(user.invitation.sentAt)}
          </time>
        ) : null}
      </span>
    </div>
  );
}

function EmptyUsers({
  narrowed,
  firstPage,
  onClear,
  onInvite,
  onImport,
}: {
  narrowed: boolean;
  firstPage: boolean;
  onClear: () => void;
  onInvite: () => void;
  onImport: () => void;
}) {
  if (!firstPage) return <div className="dt-table-empty">No more users.</div>;
  if (narrowed) {
    return (
      <div className="dt-table-empty">
        <h2>No users match</h2>
        <p>Change the search or the filters to see more.</p>
        <button type="button" className="btn" onClick={onClear}>
          <X aria-hidden="true" />
          Clear search and filters
        </button>
      </div>
    );
  }
  return (
    <div className="dt-table-empty">
      <span className="sh-empty-icon" aria-hidden="true">
        <UserRound />
      </span>
      <h2>No users yet</h2>
      <p>Invite the first person by email, or many at once from a CSV file. They choose their own password.</p>
      <div className="dt-table-empty__actions">
        <button type="button" className="btn btn--primary" onClick={onInvite}>
          <Plus aria-hidden="true" />
          Invite user
        </button>
        <button type="button" className="btn" onClick={onImport}>
          <Upload aria-hidden="true" />
          Import CSV
        </button>
      </div>
    </div>
  );
}
