// Read-only queries over a forest: lookup, traversal, counting. Nothing here allocates new nodes.
import type { BlockNode } from '../schema/document';
import type { FoundNode, NodeContext } from './types';

/**
 * Depth-first, pre-order traversal. Returning 'skip' from `visit` leaves that node's children out.
 * Slots are visited in their key order.
 */
export function walk(forest: readonly BlockNode[], visit: (node: BlockNode, ctx: NodeContext) => void | 'skip'): void {
  const visitList = (list: readonly BlockNode[], parentId: string | null, slot: string | null, depth: number): void => {
    list.forEach((node, index) => {
      if (visit(node, { parentId, slot, index, depth }) === 'skip' || !node.slots) return;
      for (const [name, children] of Object.entries(node.slots)) visitList(children, node.id, name, depth + 1);
    });
  };
  visitList(forest, null, null, 0);
}

/** The node with this id and where it sits, or undefined. Stops at the first match. */
export function findNode(forest: readonly BlockNode[], id: string): FoundNode | undefined {
  const search = (list: readonly BlockNode[], parentId: string | null, slot: string | null, depth: number): FoundNode | undefined => {
    for (let index = 0; index < list.length; index++) {
      const node = list[index];
      if (!node) continue;
      if (node.id === id) return { node, parentId, slot, index, depth };
      if (!node.slots) continue;
      for (const [name, children] of Object.entries(node.slots)) {
        const hit = search(children, node.id, name, depth + 1);
        if (hit) return hit;
      }
    }
    return undefined;
  };
  return search(forest, null, null, 0);
}

/** Whether `id` lies strictly inside the subtree of `ancestorId` (a node is not its own descendant). */
export function isDescendant(forest: readonly BlockNode[], ancestorId: string, id: string): boolean {
  const ancestor = findNode(forest, ancestorId);
  if (!ancestor?.node.slots) return false;
  return Object.values(ancestor.node.slots).some((children) => findNode(children, id) !== undefined);
}

export function countNodes(forest: readonly BlockNode[]): number {
  let n = 0;
  walk(forest, () => {
    n++;
  });
  return n;
}

/** Every id in the forest, in pre-order. */
export function collectIds(forest: readonly BlockNode[]): string[] {
  const ids: string[] = [];
  walk(forest, (node) => {
    ids.push(node.id);
  });
  return ids;
}
