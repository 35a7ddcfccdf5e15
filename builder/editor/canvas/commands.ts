// Block commands shared by the canvas's mini-toolbar, the palette, the layers and the keyboard
// shortcuts: insert, remove, duplicate, move among siblings, select relative to the selection.
// The decisions (which neighbour to select, where a new block goes) are pure and tested; the
// commands apply them to the editor store through typed actions.
import { findNode, newId, type BlockNode, type TreeLocation } from '../../../core';
import { getBlock } from '../../../blocks';
import { editorStore, selectPageBlocks } from '../../store/editor-store';
import { toast } from '../../ui/toasts';
import { childrenAt, documentOrder, firstChildOf } from '../dnd/tree-order';

export type Direction = 'previous' | 'next' | 'parent' | 'child';

/** The block to select after moving the selection (null: nothing to go to). */
export function relativeBlock(blocks: readonly BlockNode[], selectedId: string | null, dir: Direction): string | null {
  if (dir === 'previous' || dir === 'next') {
    const order = documentOrder(blocks);
    if (order.length === 0) return null;
    if (!selectedId || !order.includes(selectedId)) return dir === 'next' ? order[0]! : order[order.length - 1]!;
    const i = order.indexOf(selectedId) + (dir === 'next' ? 1 : -1);
    return order[i] ?? null;
  }
  if (!selectedId) return null;
  const found = findNode(blocks, selectedId);
  if (!found) return null;
  return dir === 'parent' ? found.parentId : (firstChildOf(found.node)?.id ?? null);
}

/** Who gets the selection when a block is removed: the next sibling, else the previous, else the parent. */
export function neighbourAfterRemoval(blocks: readonly BlockNode[], id: string): string | null {
  const found = findNode(blocks, id);
  if (!found) return null;
  const list = childrenAt(blocks, found.parentId, found.slot) ?? [];
  return list[found.index + 1]?.id ?? list[found.index - 1]?.id ?? found.parentId;
}

/** Where new or pasted blocks go: right after the selected block, or at the end of the page. */
export function insertionLocation(blocks: readonly BlockNode[], selectedId: string | null): TreeLocation {
  const found = selectedId ? findNode(blocks, selectedId) : undefined;
  if (!found) return { parentId: null, index: blocks.length };
  return found.parentId === null ? { parentId: null, index: found.index + 1 } : { parentId: found.parentId, slot: found.slot ?? undefined, index: found.index + 1 };
}

/** The location one step up or down among a block's siblings (after-removal indexing), or null at the edge. */
export function siblingStep(blocks: readonly BlockNode[], id: string, delta: -1 | 1): TreeLocation | null {
  const found = findNode(blocks, id);
  if (!found) return null;
  const length = childrenAt(blocks, found.parentId, found.slot)?.length ?? 0;
  const index = found.index + delta;
  if (index < 0 || index >= length) return null;
  return found.parentId === null ? { parentId: null, index } : { parentId: found.parentId, slot: found.slot ?? undefined, index };
}

/** A new block of a type with its defaults and no children. */
export function newBlock(type: string): BlockNode | null {
  const def = getBlock(type);
  return def ? { id: newId('b'), type, props: def.props.parse({}) as Record<string, unknown> } : null;
}

const page = () => {
  const s = editorStore.getState();
  return { s, pageId: s.pageId, blocks: selectPageBlocks(s) };
};

function refused(): false {
  const { s } = page();
  toast(s.lastError ?? 'That change could not be made.', 'error');
  s.clearError();
  return false;
}

export function insertBlockOfType(type: string): boolean {
  const { s, pageId, blocks } = page();
  const node = newBlock(type);
  if (!pageId || !node) return false;
  if (!s.dispatch({ type: 'insertBlock', pageId, node, at: insertionLocation(blocks, s.selectedId) })) return refused();
  s.select(node.id);
  return true;
}

export function removeBlockById(id: string): boolean {
  const { s, pageId, blocks } = page();
  if (!pageId || !findNode(blocks, id)) return false;
  const next = neighbourAfterRemoval(blocks, id);
  if (!s.dispatch({ type: 'removeBlock', pageId, id })) return refused();
  s.select(next);
  return true;
}

export function duplicateBlockById(id: string): boolean {
  const { s, pageId, blocks } = page();
  if (!pageId || !findNode(blocks, id)) return false;
  const newRootId = newId('b');
  if (!s.dispatch({ type: 'duplicateBlock', pageId, id, newRootId })) return refused();
  s.select(newRootId);
  return true;
}

export function moveBlockBy(id: string, delta: -1 | 1): boolean {
  const { s, pageId, blocks } = page();
  const to = pageId ? siblingStep(blocks, id, delta) : null;
  if (!pageId || !to) return false;
  return s.dispatch({ type: 'moveBlock', pageId, id, to }) || refused();
}

export function selectRelative(dir: Direction): boolean {
  const { s, blocks } = page();
  const next = relativeBlock(blocks, s.selectedId, dir);
  if (!next) return false;
  s.select(next);
  return true;
}
