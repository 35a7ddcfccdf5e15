// Where a dragged block would land, as pure functions: drop positions (gaps between siblings), the
// keyboard's list of them in reading order, turning a position into the TreeLocation moveNode wants,
// and the geometry of pointer hits and insertion lines. The DOM-reading code calls these.
import { isDescendant, type BlockNode, type TreeLocation } from '../../../core';
import { slotsOf } from './tree-order';

/**
 * A gap in one list: the root list (`parentId: null`) or one slot of a block. `index` counts the gaps
 * of the list as it is now, BEFORE the dragged block leaves it: 0 is before the first child, `length`
 * after the last.
 */
export type DropPosition = { parentId: string | null; slot: string | null; index: number };

/** Where a block is now (the store's BlockLocation has this shape too). */
export type Origin = { parentId: string | null; slot: string | null; index: number };

export type DragSource =
  | { kind: 'palette'; type: string; label: string }
  | { kind: 'block'; id: string; type: string; label: string };

export type DropTarget = { kind: 'position'; position: DropPosition } | { kind: 'refused'; reason: 'cycle' };

export type Rect = { top: number; left: number; right: number; bottom: number; width: number; height: number };
export type Axis = 'x' | 'y';
export type Edge = 'before' | 'after';

export const sameList = (a: { parentId: string | null; slot: string | null }, b: { parentId: string | null; slot: string | null }) =>
  a.parentId === b.parentId && (a.parentId === null || a.slot === b.slot);

export const samePosition = (a: DropPosition, b: DropPosition) => sameList(a, b) && a.index === b.index;

export const sameTarget = (a: DropTarget | null, b: DropTarget | null): boolean => {
  if (a === b) return true;
  if (!a || !b || a.kind !== b.kind) return false;
  return a.kind === 'refused' || samePosition(a.position, (b as { position: DropPosition }).position);
};

/** The TreeLocation for moveNode / insertNode: the index counts after the moving block has left its list. */
export function toTreeLocation(pos: DropPosition, from?: Origin | null): TreeLocation {
  const shift = from && sameList(pos, from) && from.index < pos.index ? 1 : 0;
  const index = pos.index - shift;
  return pos.parentId === null ? { parentId: null, index } : { parentId: pos.parentId, slot: pos.slot ?? undefined, index };
}

/** Dropping a block right before or right after itself leaves it where it is. */
export const isNoOpMove = (pos: DropPosition, from: Origin) => sameList(pos, from) && (pos.index === from.index || pos.index === from.index + 1);

/** Whether a position lies inside the moving block itself or its descendants (moveNode would refuse it). */
export function isInsideMoving(blocks: readonly BlockNode[], movingId: string, pos: DropPosition): boolean {
  return pos.parentId !== null && (pos.parentId === movingId || isDescendant(blocks, movingId, pos.parentId));
}

/**
 * Every drop position of a page in reading order, for the keyboard: before each child, into each
 * slot (an empty one has exactly one position), after the last child of each list. The moving block's
 * own subtree is left out, and of the two gaps around it (both "stay where it is") only one is kept.
 */
export function listDropPositions(blocks: readonly BlockNode[], movingId?: string): DropPosition[] {
  const out: DropPosition[] = [];
  const visit = (list: readonly BlockNode[], parentId: string | null, slot: string | null) => {
    list.forEach((node, i) => {
      // The gap after the moving block is the same place as the gap before it.
      if (!(i > 0 && list[i - 1]!.id === movingId)) out.push({ parentId, slot, index: i });
      if (node.id === movingId) return;
      for (const [name, children] of slotsOf(node)) visit(children, node.id, name);
    });
    if (!(list.length > 0 && list[list.length - 1]!.id === movingId)) out.push({ parentId, slot, index: list.length });
  };
  visit(blocks, null, null);
  return out;
}

/** Where a keyboard drag starts in `positions`: at `start` if listed, else the nearest earlier one. */
export function cursorOf(positions: readonly DropPosition[], start: DropPosition): number {
  const exact = positions.findIndex((p) => samePosition(p, start));
  if (exact >= 0) return exact;
  // `start` may be the skipped gap right after the moving block: the one before it means the same.
  const before = positions.findIndex((p) => sameList(p, start) && p.index === start.index - 1);
  return before >= 0 ? before : Math.max(0, positions.length - 1);
}

/** Moves a keyboard cursor by `step`, staying within the list. */
export const stepCursor = (cursor: number, step: number, length: number) => Math.min(Math.max(cursor + step, 0), Math.max(length - 1, 0));

/**
 * The gap a point falls into among a list's boxes in reading order (rows top to bottom, then left to
 * right): the number of boxes that come before the point. Works for stacked lists and wrapping grids.
 */
export function readingOrderIndex(rects: readonly Rect[], x: number, y: number): number {
  let n = 0;
  for (const r of rects) {
    const rowAbove = y >= r.bottom;
    const sameRowLeft = y >= r.top && y < r.bottom && x >= r.left + r.width / 2;
    if (rowAbove || sameRowLeft) n++;
  }
  return n;
}

/** How a list lays out its children, from its computed style: side by side ('x') or stacked ('y'). */
export function axisOfLayout(display: string, flexDirection: string, gridTemplateColumns: string): Axis {
  if (display.includes('grid')) {
    const tracks = gridTemplateColumns.trim() === 'none' ? 0 : gridTemplateColumns.trim().split(/\s+/).length;
    return tracks > 1 ? 'x' : 'y';
  }
  if (display.includes('flex')) return flexDirection.startsWith('row') ? 'x' : 'y';
  return 'y';
}

/** Which half of a box a point is in, along the list's axis. */
export function edgeOf(rect: Rect, x: number, y: number, axis: Axis): Edge {
  return axis === 'x' ? (x < rect.left + rect.width / 2 ? 'before' : 'after') : y < rect.top + rect.height / 2 ? 'before' : 'after';
}

/**
 * Near a box's leading or trailing edge along the list's axis: the band in which a container's
 * neighbourhood wins over its inside, so blocks can be put beside or between containers.
 */
export function nearEdge(rect: Rect, x: number, y: number, axis: Axis, band = 10): Edge | null {
  const [pos, start, end] = axis === 'x' ? [x, rect.left, rect.right] : [y, rect.top, rect.bottom];
  const size = end - start;
  // Small boxes keep a usable inside.
  const b = Math.min(band, size / 4);
  if (pos < start + b) return 'before';
  if (pos > end - b) return 'after';
  return null;
}

export type Line = { orientation: 'horizontal' | 'vertical'; x: number; y: number; length: number };

/**
 * The insertion line for a gap next to a box: before it (halfway to the previous sibling when that
 * one sits in the same row or column) or after it (the last child). Coordinates as the rects'.
 */
export function lineGeometry(axis: Axis, edge: Edge, rect: Rect, prev?: Rect | null): Line {
  const GAP = 4;
  if (axis === 'y') {
    const y = edge === 'after' ? rect.bottom + GAP / 2 : prev && prev.bottom <= rect.top ? (prev.bottom + rect.top) / 2 : rect.top - GAP / 2;
    return { orientation: 'horizontal', x: rect.left, y, length: rect.width };
  }
  const sameRow = prev && prev.top < rect.bottom && prev.bottom > rect.top && prev.right <= rect.left;
  const x = edge === 'after' ? rect.right + GAP : sameRow ? (prev.right + rect.left) / 2 : rect.left - GAP;
  return { orientation: 'vertical', x, y: rect.top, length: rect.height };
}

/** A row of the layers tree, as far as dropping onto it is concerned. */
export type OutlineDropRow =
  | {
      kind: 'block';
      id: string;
      at: Origin;
      /** The block's first slot, when it has slots, and how many children it holds. */
      firstSlot: string | null;
      firstSlotLength: number;
      /** Expanded, with rows of its children showing right under it. */
      open: boolean;
    }
  | { kind: 'slot'; parentId: string; slot: string; length: number };

/**
 * The drop position for a point at `rel` (0 top … 1 bottom) of a layers row: the top quarter is before
 * the block, the bottom quarter after it (on an open container: before its first child, which is what
 * shows there), and the middle of a container is into it, at the end. A slot row takes the block into
 * that slot: at the start from its top half, at the end from its bottom half.
 */
export function outlinePosition(row: OutlineDropRow, rel: number): DropPosition {
  if (row.kind === 'slot') return { parentId: row.parentId, slot: row.slot, index: rel < 0.5 ? 0 : row.length };
  const { at } = row;
  const before: DropPosition = { parentId: at.parentId, slot: at.slot, index: at.index };
  const after: DropPosition = { parentId: at.parentId, slot: at.slot, index: at.index + 1 };
  if (row.firstSlot === null) return rel < 0.5 ? before : after;
  if (rel < 0.25) return before;
  if (rel > 0.75) return row.open ? { parentId: row.id, slot: row.firstSlot, index: 0 } : after;
  return { parentId: row.id, slot: row.firstSlot, index: row.firstSlotLength };
}

/** What an insertion line hangs on for a position in a list of sibling ids. */
export type Anchor = { kind: 'empty' } | { kind: 'before'; id: string; prevId: string | null } | { kind: 'after'; id: string };

export function anchorOf(ids: readonly string[], index: number): Anchor {
  if (ids.length === 0) return { kind: 'empty' };
  if (index < ids.length) return { kind: 'before', id: ids[Math.max(index, 0)]!, prevId: index > 0 ? ids[index - 1]! : null };
  return { kind: 'after', id: ids[ids.length - 1]! };
}
