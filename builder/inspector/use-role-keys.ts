// The portal's role keys, offered as suggestions where a block or page names the roles that see it.
// Only owners and admins may list roles; for designers the suggestions are simply absent.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api';
import { useEditor } from '../store/editor-store';

const NONE: readonly string[] = [];

export function useRoleKeys(): readonly string[] {
  const trpc = useTRPC();
  const portalId = useEditor((s) => s.portalId);
  const roles = useQuery({
    ...trpc.roles.list.queryOptions({ id: portalId ?? '' }),
    enabled: portalId !== null,
    retry: false,
    staleTime: 60_000,
    select: (list) => list.map((r) => r.key),
  });
  return roles.data ?? NONE;
}
