// The visibility filter (DESIGN.md sections 2 and 5): one pure function decides whether a page or
// block reaches a viewer. The server applies it before rendering and before any JSON leaves it, so
// hidden blocks and their props never reach a browser. Reasons are kept for "preview as".
import type { BlockNode, Visibility } from '../schema/document';
import type { Requirement } from './requirements';

export type Viewer = {
  /** Equal for viewers whose decisions are equal (same sign-in state, roles and grants): a cache key. */
  key: string;
  signedIn: boolean;
  roles: readonly string[];
  /** Whether the viewer's grants satisfy a requirement (entity op or named action). */
  can: (requirement: Requirement) => boolean;
};

export const anonymousViewer: Viewer = { key: 'anonymous', signedIn: false, roles: [], can: () => false };

export type HiddenReason =
  | { kind: 'audience'; audience: 'signed-in' }
  | { kind: 'roles'; roles: string[] }
  | { kind: 'requires'; requirement: Requirement };

export type Decision = { visible: true } | { visible: false; reason: HiddenReason };

const VISIBLE: Decision = { visible: true };

/** Decides one page's or block's own visibility rules plus its requirements. */
export function decideVisibility(visibility: Visibility | undefined, requirements: readonly Requirement[], viewer: Viewer): Decision {
  if (visibility?.audience === 'signed-in' && !viewer.signedIn) return { visible: false, reason: { kind: 'audience', audience: 'signed-in' } };
  // Roles are "any of"; a role list implies a signed-in viewer (anonymous viewers hold no role).
  if (visibility?.roles && visibility.roles.length > 0 && !visibility.roles.some((r) => viewer.roles.includes(r))) {
    return { visible: false, reason: { kind: 'roles', roles: [...visibility.roles] } };
  }
  for (const requirement of requirements) if (!viewer.can(requirement)) return { visible: false, reason: { kind: 'requires', requirement } };
  return VISIBLE;
}

export type HiddenBlock = { id: string; type: string; reason: HiddenReason };

/**
 * The blocks a viewer may see, with hidden subtrees removed entirely (a hidden parent hides its
 * children). Untouched subtrees keep their identity. `hidden` lists the topmost hidden blocks.
 */
export function filterBlocks(
  nodes: readonly BlockNode[],
  viewer: Viewer,
  requirementsOf: (node: BlockNode) => readonly Requirement[],
  hidden: HiddenBlock[] = [],
): BlockNode[] {
  let changed = false;
  const out: BlockNode[] = [];
  for (const node of nodes) {
    const decision = decideVisibility(node.visibility, requirementsOf(node), viewer);
    if (!decision.visible) {
      hidden.push({ id: node.id, type: node.type, reason: decision.reason });
      changed = true;
      continue;
    }
    let next = node;
    if (node.slots) {
      let slotsChanged = false;
      const slots: Record<string, BlockNode[]> = {};
      for (const [name, children] of Object.entries(node.slots)) {
        const kept = filterBlocks(children, viewer, requirementsOf, hidden);
        if (kept !== children) slotsChanged = true;
        slots[name] = kept;
      }
      if (slotsChanged) next = { ...node, slots };
    }
    // Visibility rules are the server's business; the browser never needs them.
    if (next.visibility) {
      const { visibility: _omit, ...rest } = next;
      next = rest;
    }
    if (next !== node) changed = true;
    out.push(next);
  }
  return changed ? out : (nodes as BlockNode[]);
}
