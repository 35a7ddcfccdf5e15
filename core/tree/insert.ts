// Inserting a block (with its subtree) into a forest, refusing anything that would break id uniqueness.
import type { BlockNode } from '../schema/document';
import { collectIds, findNode, walk } from './find';
import { checkLocation, placeNode } from './rebuild';
import { TreeError, type TreeLocation } from './types';

/**
 * Inserts `node` at `at` (index clamped to [0, length]). Throws INVALID_LOCATION for an unknown
 * parent, a missing slot name, or a slot given at the root; DUPLICATE_ID when an id of `node`'s
 * subtree already exists in the forest or repeats inside the subtree. Whether the slot exists for
 * the parent's block type is the registry's business, not this module's.
 */
export function insertNode(forest: readonly BlockNode[], node: BlockNode, at: TreeLocation): BlockNode[] {
  checkLocation(at);
  // Location before ids, so a request with both faults always reports the same one.
  if (at.parentId !== null && !findNode(forest, at.parentId)) {
    throw new TreeError('INVALID_LOCATION', `no block "${at.parentId}" to insert into`);
  }
  assertFreshIds(forest, node);
  return placeNode(forest, node, at);
}

function assertFreshIds(forest: readonly BlockNode[], node: BlockNode): void {
  const taken = new Set(collectIds(forest));
  const own = new Set<string>();
  // Throwing on the first repeat also stops a walk over an object graph that loops back on itself.
  walk([node], (n) => {
    if (taken.has(n.id)) throw new TreeError('DUPLICATE_ID', `block id "${n.id}" is already in use`);
    if (own.has(n.id)) throw new TreeError('DUPLICATE_ID', `block id "${n.id}" appears twice in the inserted blocks`);
    own.add(n.id);
  });
}
