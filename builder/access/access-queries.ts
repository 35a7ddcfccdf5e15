// What the Roles and Users sections share: the server's types for roles and portal users, who may
// manage them (owners and admins; the server refuses designers too), their own paths below
// /admin/portals/:id/roles, and refreshing after a change.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC, type api } from '../api';
import type { Me } from '../app';
import { hrefs } from '../router';

export type PortalRole = Awaited<ReturnType<typeof api.roles.list.query>>[number];
export type PortalUser = Awaited<ReturnType<typeof api.portalUsers.list.query>>['items'][number];
export type UserStatus = PortalUser['status'];
export type Preview = Awaited<ReturnType<typeof api.preview.page.query>>;

/** Roles, users and previews as them decide who sees what: `managers` on the server. */
export function canManageAccess(me: Pick<Me, 'role'>): boolean {
  return me.role === 'owner' || me.role === 'admin';
}

export function useRoles(portalId: string) {
  const trpc = useTRPC();
  return useQuery(trpc.roles.list.queryOptions({ id: portalId }));
}

/** Refreshes roles (their user counts) and every users query of the portal. */
export function useRefreshAccess(): () => Promise<void> {
  const qc = useQueryClient();
  const trpc = useTRPC();
  return useCallback(async () => {
    await Promise.all([qc.invalidateQueries({ queryKey: trpc.roles.pathKey() }), qc.invalidateQueries({ queryKey: trpc.portalUsers.pathKey() })]);
  }, [qc, trpc]);
}

/** Who a preview is for; `visitor` is someone not signed in. */
export type PreviewTarget = { kind: 'role'; id: string } | { kind: 'user'; id: string } | { kind: 'visitor' } | { kind: 'none' };

/** The Roles section's paths: the matrix, and "Preview as" (optionally for a given role or user). */
export type RolesRoute = { view: 'matrix' } | { view: 'preview'; target: PreviewTarget } | { view: 'not-found' };

export function parseRolesRoute(rest: readonly string[]): RolesRoute {
  const [a, b, c, ...more] = rest;
  if (a === undefined) return { view: 'matrix' };
  if (a !== 'preview' || more.length) return { view: 'not-found' };
  if (b === undefined) return { view: 'preview', target: { kind: 'none' } };
  if (b === 'visitor' && c === undefined) return { view: 'preview', target: { kind: 'visitor' } };
  if ((b === 'role' || b === 'user') && c) return { view: 'preview', target: { kind: b, id: c } };
  return { view: 'not-found' };
}

export function rolesHref(portalId: string, route: Exclude<RolesRoute, { view: 'not-found' }>): string {
  if (route.view === 'matrix') return hrefs.section(portalId, 'roles');
  const t = route.target;
  if (t.kind === 'none') return hrefs.section(portalId, 'roles', 'preview');
  if (t.kind === 'visitor') return hrefs.section(portalId, 'roles', 'preview', 'visitor');
  return hrefs.section(portalId, 'roles', 'preview', t.kind, t.id);
}

/** "Invited · 2 days ago", "Invitation expired", "Not invited yet": the status as a person reads it. */
export function invitationState(user: Pick<PortalUser, 'status' | 'invitation'>): 'not-sent' | 'pending' | 'expired' | null {
  if (user.status !== 'invited') return null;
  if (!user.invitation) return 'not-sent';
  return user.invitation.pending ? 'pending' : 'expired';
}

/** Initials for the avatar: the first letters of the first and last word of the name, or of the email. */
export function initialsOf(name: string, email: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return email.slice(0, 1).toUpperCase();
  const first = words[0]!.slice(0, 1);
  const last = words.length > 1 ? words[words.length - 1]!.slice(0, 1) : '';
  return `${first}${last}`.toUpperCase();
}

/** A concrete path for previewing a page: parameters (`/contracts/:id`) get a sample value. */
export const samplePath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, 'example');
