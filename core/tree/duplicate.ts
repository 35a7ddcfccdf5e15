// Duplicating a block with its subtree (and the fresh-id copy that paste uses too).
import { newId } from '../ids';
import type { BlockNode } from '../schema/document';
import { findNode } from './find';
import { insertNode } from './insert';
import { TreeError } from './types';

/**
 * A deep copy of `node` in which the node and every descendant get an id from `makeId`. Props and
 * visibility are cloned too, so the copy shares nothing mutable with the original.
 */
export function cloneWithFreshIds(node: BlockNode, makeId: () => string): BlockNode {
  const copy: BlockNode = { id: makeId(), type: node.type, props: structuredClone(node.props) };
  if (node.slots) {
    copy.slots = Object.fromEntries(
      Object.entries(node.slots).map(([name, children]) => [name, children.map((c) => cloneWithFreshIds(c, makeId))]),
    );
  }
  if (node.visibility) copy.visibility = structuredClone(node.visibility);
  return copy;
}

/**
 * Inserts a fresh-id copy of the node right after the original and returns the copy's id.
 * Throws NOT_FOUND for an unknown id, DUPLICATE_ID if `makeId` hands out an id already in use.
 */
export function duplicateNode(
  forest: readonly BlockNode[],
  id: string,
  makeId: () => string = () => newId('b'),
): { forest: BlockNode[]; id: string } {
  const found = findNode(forest, id);
  if (!found) throw new TreeError('NOT_FOUND', `no block "${id}"`);
  const copy = cloneWithFreshIds(found.node, makeId);
  const next = insertNode(forest, copy, { parentId: found.parentId, slot: found.slot ?? undefined, index: found.index + 1 });
  return { forest: next, id: copy.id };
}
