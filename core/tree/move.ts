// Moving a block (with its subtree) to another place in the same forest.
import type { BlockNode } from '../schema/document';
import { findNode, isDescendant } from './find';
import { checkLocation, clampIndex, mapList, placeNode, slotOf } from './rebuild';
import { TreeError, type TreeLocation } from './types';

/**
 * Moves the node with `id` to `to`. `to.index` counts in the target list AFTER the node has left its
 * old place: to move the second of three siblings to the end, pass index 2 (not 3). It is clamped,
 * as for insertNode. A move that lands where the node already is returns the input forest itself.
 *
 * Throws NOT_FOUND for an unknown id, INVALID_LOCATION for a bad target, CYCLE when the target
 * parent is the node itself or one of its descendants.
 */
export function moveNode(forest: readonly BlockNode[], id: string, to: TreeLocation): BlockNode[] {
  const from = findNode(forest, id);
  if (!from) throw new TreeError('NOT_FOUND', `no block "${id}"`);
  checkLocation(to);
  if (to.parentId !== null) {
    const parent = findNode(forest, to.parentId);
    if (!parent) throw new TreeError('INVALID_LOCATION', `no block "${to.parentId}" to move into`);
    if (to.parentId === id || isDescendant(forest, id, to.parentId)) {
      throw new TreeError('CYCLE', `block "${id}" cannot move into itself or its own descendant "${to.parentId}"`);
    }
    if (from.parentId === to.parentId && from.slot === to.slot) {
      const length = slotOf(parent.node, to.slot ?? '').length - 1;
      if (clampIndex(to.index, length) === from.index) return forest as BlockNode[];
    }
  } else if (from.parentId === null && clampIndex(to.index, forest.length - 1) === from.index) {
    return forest as BlockNode[];
  }
  const without = mapList(forest, from.parentId, from.slot ?? undefined, (list) => list.toSpliced(from.index, 1));
  return placeNode(without, from.node, to);
}
