// The page tree as the user sees it: slots in the order the block declares them (not the order the
// keys happen to have in the stored object), so "next", "first child" and the keyboard drop positions
// follow what the canvas shows. Pure; used by the canvas, the outline, drag and drop and shortcuts.
import { findNode, type BlockNode } from '../../../core';
import { getBlock, slotNamesOf } from '../../../blocks';

/** The slot names a block renders (none for unknown types). */
export function slotNamesFor(node: BlockNode): string[] {
  const def = getBlock(node.type);
  return def ? slotNamesOf(def, node.props) : [];
}

/** The slots a block renders, in declared order, each with its children (empty when absent). */
export function slotsOf(node: BlockNode): [string, BlockNode[]][] {
  return slotNamesFor(node).map((name) => [name, node.slots?.[name] ?? []]);
}

export function isContainer(node: BlockNode): boolean {
  return slotNamesFor(node).length > 0;
}

/** The list a position points into: the page's root list, or one slot of a block (undefined: no such parent). */
export function childrenAt(blocks: readonly BlockNode[], parentId: string | null, slot: string | null): readonly BlockNode[] | undefined {
  if (parentId === null) return blocks;
  const parent = findNode(blocks, parentId)?.node;
  if (!parent || slot === null) return undefined;
  return parent.slots?.[slot] ?? [];
}

/** Every block id in reading order: depth first, slots in declared order. */
export function documentOrder(blocks: readonly BlockNode[]): string[] {
  const out: string[] = [];
  const visit = (list: readonly BlockNode[]) => {
    for (const node of list) {
      out.push(node.id);
      for (const [, children] of slotsOf(node)) visit(children);
    }
  };
  visit(blocks);
  return out;
}

/** The first child of a block in reading order, if any. */
export function firstChildOf(node: BlockNode): BlockNode | undefined {
  for (const [, children] of slotsOf(node)) if (children[0]) return children[0];
  return undefined;
}
