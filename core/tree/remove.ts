// Removing a block and its whole subtree from a forest.
import type { BlockNode } from '../schema/document';
import { findNode } from './find';
import { mapList } from './rebuild';
import { TreeError } from './types';

/** Removes the node with `id` and everything inside it. Throws NOT_FOUND for an unknown id. */
export function removeNode(forest: readonly BlockNode[], id: string): BlockNode[] {
  const found = findNode(forest, id);
  if (!found) throw new TreeError('NOT_FOUND', `no block "${id}"`);
  return mapList(forest, found.parentId, found.slot ?? undefined, (list) => list.toSpliced(found.index, 1));
}
