// Portal data the shell shares: the summary type, who may manage portals, and refreshing the
// portal queries after a change (never the draft query: reloading it would discard local edits).
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC, type api } from '../api';
import type { Me } from '../app';

export type PortalSummary = Awaited<ReturnType<typeof api.portals.get.query>>;
export type VersionSummary = Awaited<ReturnType<typeof api.portals.versions.query>>[number];

/** Owners and admins manage portals (create, rename, settings, archive); designers do not. */
export function canManagePortals(me: Pick<Me, 'role'>): boolean {
  return me.role === 'owner' || me.role === 'admin';
}

export const MANAGERS_ONLY = 'Only owners and admins can do this. Designers edit pages and the theme, and publish.';

/** Refreshes the portal list, one portal's summary and its versions (never its draft). */
export function useRefreshPortals(): (portalId?: string) => Promise<void> {
  const qc = useQueryClient();
  const trpc = useTRPC();
  return useCallback(
    async (portalId?: string) => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: trpc.portals.list.queryKey() }),
        ...(portalId
          ? [
              qc.invalidateQueries({ queryKey: trpc.portals.get.queryKey({ id: portalId }) }),
              qc.invalidateQueries({ queryKey: trpc.portals.versions.queryKey({ id: portalId }) }),
              // A version's document never changes, but which version is live does.
              qc.invalidateQueries({ queryKey: trpc.portals.version.queryKey({ id: portalId }) }),
            ]
          : [qc.invalidateQueries({ queryKey: trpc.portals.get.queryKey() })]),
      ]);
    },
    [qc, trpc],
  );
}

/** The portal's public address, where visitors see the live version. */
export function portalUrl(portal: Pick<PortalSummary, 'slug'>): string {
  return `/p/${portal.slug}/`;
}

/** Why "View portal" cannot open anything yet, or null when the live portal is reachable. */
export function whyNotViewable(portal: Pick<PortalSummary, 'publishedVersion' | 'active' | 'archived'>): string | null {
  if (portal.archived) return 'This portal is archived.';
  if (portal.publishedVersion === null) return 'Publish the portal first: visitors only see published versions.';
  if (!portal.active) return 'The portal is inactive: visitors get a "not found" page.';
  return null;
}
