// Internal helpers for structural sharing: rebuild only the spine from the root to a change, so
// every untouched subtree keeps its object identity (cheap undo diffs, cheap React re-renders).
import type { BlockNode } from '../schema/document';
import { TreeError, type TreeLocation } from './types';

/**
 * Replaces the node with `id` by `fn(node)`, copying only its ancestors. Returns undefined when the
 * id is absent, and the very same list when `fn` returns the node unchanged.
 */
export function mapNode(list: readonly BlockNode[], id: string, fn: (node: BlockNode) => BlockNode): BlockNode[] | undefined {
  for (let i = 0; i < list.length; i++) {
    const node = list[i];
    if (!node) continue;
    if (node.id === id) {
      const next = fn(node);
      return next === node ? (list as BlockNode[]) : list.with(i, next);
    }
    if (!node.slots) continue;
    for (const [name, children] of Object.entries(node.slots)) {
      const replaced = mapNode(children, id, fn);
      if (!replaced) continue;
      if (replaced === children) return list as BlockNode[];
      return list.with(i, { ...node, slots: { ...node.slots, [name]: replaced } });
    }
  }
  return undefined;
}

/** A slot's children; own keys only, so a slot named like an Object.prototype member reads as empty. */
export function slotOf(node: BlockNode, slot: string): BlockNode[] {
  return node.slots && Object.hasOwn(node.slots, slot) ? (node.slots[slot] ?? []) : [];
}

/** Checks a location's shape; whether its parent exists is checked where the parent is looked up. */
export function checkLocation(at: TreeLocation): void {
  if (Number.isNaN(at.index)) throw new TreeError('INVALID_LOCATION', 'index is not a number');
  if (at.parentId === null) {
    if (at.slot !== undefined) throw new TreeError('INVALID_LOCATION', `the root list has no slots (got slot "${at.slot}")`);
  } else if (!at.slot) {
    throw new TreeError('INVALID_LOCATION', `a location inside block "${at.parentId}" needs a slot name`);
  }
}

export function clampIndex(index: number, length: number): number {
  return Math.min(Math.max(Math.trunc(index), 0), length);
}

/** Replaces the list at `parentId`/`slot` by `fn(list)`. Throws INVALID_LOCATION for an unknown parent. */
export function mapList(
  forest: readonly BlockNode[],
  parentId: string | null,
  slot: string | undefined,
  fn: (list: readonly BlockNode[]) => BlockNode[],
): BlockNode[] {
  if (parentId === null) return fn(forest);
  if (!slot) throw new TreeError('INVALID_LOCATION', `a location inside block "${parentId}" needs a slot name`);
  const out = mapNode(forest, parentId, (parent) => ({ ...parent, slots: { ...parent.slots, [slot]: fn(slotOf(parent, slot)) } }));
  if (!out) throw new TreeError('INVALID_LOCATION', `no block "${parentId}" to insert into`);
  return out;
}

/** Puts `node` at `at` without checking ids: callers have done that. */
export function placeNode(forest: readonly BlockNode[], node: BlockNode, at: TreeLocation): BlockNode[] {
  checkLocation(at);
  return mapList(forest, at.parentId, at.slot, (list) => list.toSpliced(clampIndex(at.index, list.length), 0, node));
}
