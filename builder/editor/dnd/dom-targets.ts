// Reads the live DOM of the canvas and the layers tree during a drag: which drop position is under the
// pointer, and where the insertion line for a position is on screen. Positions come from the element
// actually under the pointer (elementFromPoint), so nesting, scrolling and grids need no
// pre-measured rectangles; the arithmetic is in drop-position.ts.
import type { BlockNode } from '../../../core';
import type { EditorState } from '../../store/editor-store';
import { nodeById } from '../../store/block-index';
import {
  anchorOf,
  axisOfLayout,
  edgeOf,
  isInsideMoving,
  lineGeometry,
  nearEdge,
  outlinePosition,
  readingOrderIndex,
  type Axis,
  type DragSource,
  type DropPosition,
  type DropTarget,
  type Line,
  type Rect,
} from './drop-position';
import { childrenAt, slotsOf } from './tree-order';

/** Layers rows indent by level: the line for a position starts at its level's indent. */
export const OUTLINE_INDENT = 14;
export const OUTLINE_BASE = 8;
/** The expand arrow and the gap after it: lines start where the rows' icons do. */
const OUTLINE_ICON_OFFSET = 22;

type View = Pick<EditorState, 'doc' | 'index'> & { blocks: readonly BlockNode[] };
export type Surface = 'canvas' | 'outline';

const q = (id: string) => `"${CSS.escape(id)}"`;
const contains = (r: Rect, x: number, y: number) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
const hasBox = (r: Rect) => r.width > 0 || r.height > 0;

export function axisOf(list: Element | null): Axis {
  if (!list) return 'y';
  const s = getComputedStyle(list);
  return axisOfLayout(s.display, s.flexDirection, s.gridTemplateColumns);
}

const canvasMain = () => document.querySelector<HTMLElement>('[data-cv-main]');
const canvasNode = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-cv-node=${q(id)}]`);
const canvasEmpty = (root: ParentNode, parentId: string | null, slot: string | null) =>
  root.querySelector<HTMLElement>(parentId === null ? '[data-cv-empty][data-parent=""]' : `[data-cv-empty][data-parent=${q(parentId)}][data-slot=${q(slot ?? '')}]`);

const outlineTree = () => document.querySelector<HTMLElement>('[data-ol-tree]');
const outlineRow = (root: ParentNode, id: string) => root.querySelector<HTMLElement>(`[data-ol-id=${q(id)}]`);
const outlineSlotRow = (root: ParentNode, parentId: string, slot: string) => root.querySelector<HTMLElement>(`[data-ol-parent=${q(parentId)}][data-ol-slot=${q(slot)}]`);

function canvasPosition(el: Element, x: number, y: number, view: View): DropPosition | null {
  const main = el.closest<HTMLElement>('[data-cv-main]');
  if (!main || !view.doc) return null;
  const empty = el.closest<HTMLElement>('[data-cv-empty]');
  if (empty) return { parentId: empty.dataset.parent || null, slot: empty.dataset.slot ?? null, index: 0 };
  const nodeEl = el.closest<HTMLElement>('[data-cv-node]');
  if (!nodeEl) {
    const rects = [...main.children].filter((c) => c.hasAttribute('data-cv-node')).map((c) => c.getBoundingClientRect());
    return { parentId: null, slot: null, index: readingOrderIndex(rects, x, y) };
  }
  const id = nodeEl.dataset.cvNode!;
  const node = nodeById(view.doc, view.index, id);
  const loc = view.index.get(id);
  if (!node || !loc) return null;
  const rect = nodeEl.getBoundingClientRect();
  const axis = axisOf(nodeEl.parentElement);
  const place = (edge: 'before' | 'after'): DropPosition => ({ parentId: loc.parentId, slot: loc.slot, index: loc.index + (edge === 'after' ? 1 : 0) });
  const slots = slotsOf(node);
  // A container's rim means beside it; its inside, into it.
  const rim = slots.length ? nearEdge(rect, x, y, axis) : null;
  if (rim) return place(rim);
  // In a gap between a container's children, or under its last child: into that slot.
  for (const [slot, children] of slots) {
    const first: HTMLElement | null = children[0] ? canvasNode(nodeEl, children[0].id) : canvasEmpty(nodeEl, id, slot);
    const area: HTMLElement | null = first?.parentElement ?? null;
    if (!area || area === nodeEl || !contains(area.getBoundingClientRect(), x, y)) continue;
    const rects = children.flatMap((c) => {
      const r = canvasNode(nodeEl, c.id)?.getBoundingClientRect();
      return r ? [r] : [];
    });
    return { parentId: id, slot, index: readingOrderIndex(rects, x, y) };
  }
  return place(edgeOf(rect, x, y, axis));
}

function outlinePositionAt(el: Element, y: number, view: View): DropPosition | null {
  if (!el.closest('[data-ol-tree]') || !view.doc) return null;
  const row = el.closest<HTMLElement>('[data-ol-row]');
  if (!row) return { parentId: null, slot: null, index: view.blocks.length };
  const rect = row.getBoundingClientRect();
  const rel = rect.height ? (y - rect.top) / rect.height : 0.5;
  const id = row.dataset.olId;
  if (id) {
    const node = nodeById(view.doc, view.index, id);
    const loc = view.index.get(id);
    if (!node || !loc) return null;
    const first = slotsOf(node)[0];
    return outlinePosition(
      { kind: 'block', id, at: loc, firstSlot: first?.[0] ?? null, firstSlotLength: first?.[1].length ?? 0, open: row.getAttribute('aria-expanded') === 'true' },
      rel,
    );
  }
  const parentId = row.dataset.olParent!;
  const slot = row.dataset.olSlot!;
  const length = (childrenAt(view.blocks, parentId, slot) ?? []).length;
  return outlinePosition({ kind: 'slot', parentId, slot, length }, rel);
}

/** The drop target under a point (viewport coordinates), or null when the point is over neither surface. */
export function targetAtPoint(x: number, y: number, source: DragSource, view: View): { surface: Surface; target: DropTarget } | null {
  const el = document.elementFromPoint(x, y);
  if (!el) return null;
  const surface: Surface | null = el.closest('[data-cv-main]') ? 'canvas' : el.closest('[data-ol-tree]') ? 'outline' : null;
  if (!surface) return null;
  const position = surface === 'canvas' ? canvasPosition(el, x, y, view) : outlinePositionAt(el, y, view);
  if (!position) return null;
  if (source.kind === 'block' && isInsideMoving(view.blocks, source.id, position)) return { surface, target: { kind: 'refused', reason: 'cycle' } };
  return { surface, target: { kind: 'position', position } };
}

export type Mark = { line: Line; box: Rect | null; anchor: HTMLElement };

/** Where the insertion mark for a position is on a surface (viewport coordinates), or null if not shown. */
export function markFor(surface: Surface, position: DropPosition, blocks: readonly BlockNode[]): Mark | null {
  const list = childrenAt(blocks, position.parentId, position.slot);
  if (!list) return null;
  const anchor = anchorOf(
    list.map((n) => n.id),
    position.index,
  );
  return surface === 'canvas' ? canvasMark(anchor, position) : outlineMark(anchor, position);
}

function canvasMark(anchor: ReturnType<typeof anchorOf>, position: DropPosition): Mark | null {
  const main = canvasMain();
  if (!main) return null;
  if (anchor.kind === 'empty') {
    const el = canvasEmpty(main, position.parentId, position.slot);
    const box = el?.getBoundingClientRect();
    if (!el || !box || !hasBox(box)) return null;
    return { line: { orientation: 'horizontal', x: box.left, y: box.top, length: box.width }, box, anchor: el };
  }
  const el = canvasNode(main, anchor.id);
  const rect = el?.getBoundingClientRect();
  if (!el || !rect || !hasBox(rect)) return null;
  const prev = anchor.kind === 'before' && anchor.prevId ? canvasNode(main, anchor.prevId)?.getBoundingClientRect() : null;
  return { line: lineGeometry(axisOf(el.parentElement), anchor.kind, rect, prev), box: null, anchor: el };
}

function outlineMark(anchor: ReturnType<typeof anchorOf>, position: DropPosition): Mark | null {
  const tree = outlineTree();
  if (!tree) return null;
  if (anchor.kind === 'empty') {
    if (position.parentId === null) return null;
    const el = (position.slot ? outlineSlotRow(tree, position.parentId, position.slot) : null) ?? outlineRow(tree, position.parentId);
    const box = el?.getBoundingClientRect();
    if (!el || !box) return null;
    return { line: { orientation: 'horizontal', x: box.left, y: box.bottom, length: box.width }, box, anchor: el };
  }
  const row = outlineRow(tree, anchor.id);
  if (!row) return null;
  const level = Number(row.getAttribute('aria-level') ?? 1);
  let last = row;
  if (anchor.kind === 'after') {
    // After a block means after everything shown under it.
    for (let next = row.nextElementSibling as HTMLElement | null; next && Number(next.getAttribute('aria-level') ?? 0) > level; next = next.nextElementSibling as HTMLElement | null) last = next;
  }
  const rect = row.getBoundingClientRect();
  const x = rect.left + OUTLINE_BASE + (level - 1) * OUTLINE_INDENT + OUTLINE_ICON_OFFSET;
  const y = anchor.kind === 'after' ? last.getBoundingClientRect().bottom : rect.top;
  return { line: { orientation: 'horizontal', x, y, length: rect.right - x - 4 }, box: null, anchor: row };
}

/** Scrolls a surface so a point of it is comfortably in view (keyboard drags move beyond the fold). */
export function revealPoint(anchor: HTMLElement, y: number): boolean {
  const scroller = anchor.closest<HTMLElement>('[data-dnd-scroll]');
  if (!scroller) return false;
  const r = scroller.getBoundingClientRect();
  const margin = Math.min(80, r.height / 4);
  let delta = 0;
  if (y < r.top + margin) delta = y - (r.top + margin);
  else if (y > r.bottom - margin) delta = y - (r.bottom - margin);
  if (!delta) return false;
  scroller.scrollTop += delta;
  return true;
}
