// The editor's one drag-and-drop context, around the palette, the layers and the canvas. Pointer
// drags find their drop position from the element under the pointer (dom-targets.ts); keyboard drags
// (KeyboardSensor: Space or Enter picks up, arrows step through every drop position of the page in
// reading order, Space or Enter drops, Escape cancels) step through a precomputed list. Either way
// the target lives in the small dnd store, and screen readers hear where the block would land.
//
// Why not one useDroppable per block: dnd-kit re-renders every droppable on each "over" change and
// measures them all up front. Four region droppables (canvas and layers; one inside each scroller for
// pointer auto-scroll, one outside for keyboard drags, which then scroll the surface themselves)
// keep a drag's cost independent of the page's size.
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import { useMemo, type ReactNode } from 'react';
import { newId } from '../../../core';
import { getBlock } from '../../../blocks';
import { BlockIcon } from '../../inspector/block-icon';
import { editorStore, selectPageBlocks } from '../../store/editor-store';
import { toast } from '../../ui/toasts';
import { announce } from './describe';
import { dndStore, useDnd, type DragSurface } from './dnd-store';
import { markFor, revealPoint, targetAtPoint, type Surface } from './dom-targets';
import {
  cursorOf,
  isNoOpMove,
  listDropPositions,
  sameTarget,
  stepCursor,
  toTreeLocation,
  type DragSource,
  type DropPosition,
  type DropTarget,
  type Origin,
} from './drop-position';
import './dnd.css';

export const REGION = {
  canvas: 'region:canvas',
  canvasKeyboard: 'region:canvas-keyboard',
  outline: 'region:outline',
  outlineKeyboard: 'region:outline-keyboard',
} as const;

/** Registers one of the four region droppables on an element. */
export function useDropRegion(id: (typeof REGION)[keyof typeof REGION]) {
  return useDroppable({ id }).setNodeRef;
}

/** What a draggable carries: the source, and the surface it was picked up from. */
export type DragData = { source: DragSource; surface: DragSurface };

const view = () => {
  const s = editorStore.getState();
  return { doc: s.doc, index: s.index, blocks: selectPageBlocks(s), pageId: s.pageId, selectedId: s.selectedId };
};

const dataOf = (active: { data: { current?: unknown } } | null): DragData | null => {
  const d = active?.data.current as Partial<DragData> | undefined;
  return d?.source && d.surface ? (d as DragData) : null;
};

type Hit = { surface: Surface; target: DropTarget };
const hitOf = (collisions: DragMoveEvent['collisions']): Hit | null => (collisions?.[0]?.data?.hit as Hit | undefined) ?? null;

/** Pointer: the target under the pointer. Keyboard: the position the arrows have reached. */
const detectCollisions: CollisionDetection = ({ pointerCoordinates }) => {
  const s = dndStore.getState();
  if (!s.source) return [];
  if (s.keyboard) {
    if (!s.target) return [];
    return [{ id: s.surface === 'outline' ? REGION.outlineKeyboard : REGION.canvasKeyboard, data: { hit: { surface: s.surface === 'outline' ? 'outline' : 'canvas', target: s.target } } }];
  }
  if (!pointerCoordinates) return [];
  const hit = targetAtPoint(pointerCoordinates.x, pointerCoordinates.y, s.source, view());
  return hit ? [{ id: hit.surface === 'canvas' ? REGION.canvas : REGION.outline, data: { hit } }] : [];
};

/** Arrow keys step through the drop positions; the overlay follows the insertion line. */
const keyboardCoordinates: KeyboardCoordinateGetter = (event, { currentCoordinates }) => {
  const step = event.code === 'ArrowDown' || event.code === 'ArrowRight' ? 1 : event.code === 'ArrowUp' || event.code === 'ArrowLeft' ? -1 : 0;
  const s = dndStore.getState();
  if (!step || !s.source || s.positions.length === 0) return undefined;
  event.preventDefault();
  const cursor = stepCursor(s.cursor, step, s.positions.length);
  const position = s.positions[cursor]!;
  dndStore.setState({ cursor, target: { kind: 'position', position } });
  const surface: Surface = s.surface === 'outline' ? 'outline' : 'canvas';
  const { blocks } = view();
  let mark = markFor(surface, position, blocks);
  if (mark && revealPoint(mark.anchor, mark.line.y)) mark = markFor(surface, position, blocks);
  const next = mark ? { x: mark.line.x + 12, y: mark.line.y + 8 } : { x: currentCoordinates.x, y: currentCoordinates.y + step * 8 };
  // The coordinates must change for dnd-kit to report a move (and announce it).
  if (next.x === currentCoordinates.x && next.y === currentCoordinates.y) next.x += 1;
  return next;
};

function sayOver(): string | undefined {
  const s = dndStore.getState();
  if (!s.source) return undefined;
  const text = announce.over(view().blocks, s.source, s.from, s.target);
  if (text === s.announced) return undefined;
  dndStore.setState({ announced: text });
  return text;
}

const announcements: Announcements = {
  onDragStart: () => {
    const s = dndStore.getState();
    if (!s.source) return undefined;
    return announce.start(view().blocks, s.source, s.from, s.keyboard);
  },
  onDragMove: sayOver,
  onDragOver: sayOver,
  onDragEnd: () => dndStore.getState().endMessage || undefined,
  onDragCancel: ({ active }) => {
    const data = dataOf(active);
    return data ? announce.cancel(data.source) : undefined;
  },
};

const screenReaderInstructions = {
  draggable:
    'To move a block, press Space to pick it up. Then use the arrow keys to choose where it goes; each place is announced. Press Space again to drop it, or Escape to cancel.',
};

function startDrag(e: DragStartEvent): void {
  const data = dataOf(e.active);
  if (!data) return;
  const v = view();
  const keyboard = typeof KeyboardEvent !== 'undefined' && e.activatorEvent instanceof KeyboardEvent;
  const loc = data.source.kind === 'block' ? v.index.get(data.source.id) : undefined;
  const from = loc ? { parentId: loc.parentId, slot: loc.slot, index: loc.index } : null;
  let positions: DropPosition[] = [];
  let cursor = 0;
  let target: DropTarget | null = null;
  if (keyboard) {
    positions = listDropPositions(v.blocks, data.source.kind === 'block' ? data.source.id : undefined);
    cursor = cursorOf(positions, from ?? insertionPoint(v));
    const position = positions[cursor];
    target = position ? { kind: 'position', position } : null;
  }
  // The start announcement already says where the block is: the first move there adds nothing.
  const announced = announce.over(v.blocks, data.source, from, target);
  dndStore.setState({ source: data.source, from, surface: data.surface, keyboard, target, positions, cursor, announced, endMessage: '' });
}

/** A new block goes after the selected one, or at the end of the page. */
function insertionPoint(v: ReturnType<typeof view>): DropPosition {
  const loc = v.selectedId ? v.index.get(v.selectedId) : undefined;
  if (loc && loc.pageId === v.pageId) return { parentId: loc.parentId, slot: loc.slot, index: loc.index + 1 };
  return { parentId: null, slot: null, index: v.blocks.length };
}

function moveDrag(e: DragMoveEvent): void {
  const s = dndStore.getState();
  if (!s.source || s.keyboard) return;
  const target = hitOf(e.collisions)?.target ?? null;
  if (!sameTarget(target, s.target)) dndStore.setState({ target });
}

function endDrag(e: DragEndEvent): void {
  const s = dndStore.getState();
  const source = s.source;
  const target = s.keyboard ? s.target : (hitOf(e.collisions)?.target ?? null);
  const v = view();
  const endMessage = source ? announce.end(v.blocks, source, s.from, target) : '';
  const moved = source && v.pageId ? drop(source, s.from, target, v.pageId) : null;
  dndStore.setState({ source: null, from: null, surface: null, keyboard: false, target: null, positions: [], cursor: 0, endMessage, endedAt: Date.now() });
  if (moved && s.keyboard) refocus(moved, s.surface);
}

function cancelDrag(): void {
  dndStore.setState({ source: null, from: null, surface: null, keyboard: false, target: null, positions: [], cursor: 0, endedAt: Date.now() });
}

/** Applies a drop; returns the id of the block that landed (to select and focus it), or null. */
function drop(source: DragSource, from: Origin | null, target: DropTarget | null, pageId: string): string | null {
  if (!target) return null;
  if (target.kind === 'refused') {
    toast('A block cannot be moved into itself.', 'error');
    return null;
  }
  const store = editorStore.getState();
  if (source.kind === 'palette') {
    const def = getBlock(source.type);
    if (!def) return null;
    const node = { id: newId('b'), type: source.type, props: def.props.parse({}) as Record<string, unknown> };
    if (!store.dispatch({ type: 'insertBlock', pageId, node, at: toTreeLocation(target.position) })) return fail();
    store.select(node.id);
    return node.id;
  }
  if (!from || isNoOpMove(target.position, from)) return source.id;
  if (!store.dispatch({ type: 'moveBlock', pageId, id: source.id, to: toTreeLocation(target.position, from) })) return fail();
  store.select(source.id);
  return source.id;
}

function fail(): null {
  toast(editorStore.getState().lastError ?? 'The block could not be placed there.', 'error');
  editorStore.getState().clearError();
  return null;
}

/** After a keyboard drop the dragged element may have re-mounted elsewhere: put focus back on it. */
function refocus(id: string, surface: DragSurface | null): void {
  requestAnimationFrame(() => {
    const sel = surface === 'outline' ? `[data-ol-id="${CSS.escape(id)}"]` : surface === 'canvas' ? `[data-cv-node="${CSS.escape(id)}"] [data-cv-handle]` : null;
    if (sel) document.querySelector<HTMLElement>(sel)?.focus();
  });
}

export function EditorDnd({ children }: { children: ReactNode }) {
  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so a click still selects.
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: keyboardCoordinates,
      keyboardCodes: { start: ['Space', 'Enter'], cancel: ['Escape'], end: ['Space', 'Enter', 'Tab'] },
      scrollBehavior: 'auto',
    }),
  );
  const accessibility = useMemo(() => ({ announcements, screenReaderInstructions, restoreFocus: false }), []);
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={detectCollisions}
      accessibility={accessibility}
      onDragStart={startDrag}
      onDragMove={moveDrag}
      onDragEnd={endDrag}
      onDragCancel={cancelDrag}
    >
      {children}
      <DragOverlay dropAnimation={null} className="dnd-overlay" zIndex={2000}>
        <DragChip />
      </DragOverlay>
      <DraggedStyle />
    </DndContext>
  );
}

/** What follows the pointer: the block's icon and name. */
function DragChip() {
  const source = useDnd((s) => s.source);
  const refused = useDnd((s) => s.target?.kind === 'refused');
  if (!source) return null;
  return (
    <div className={`dnd-chip${refused ? ' dnd-chip--refused' : ''}`}>
      <BlockIcon name={getBlock(source.type)?.icon ?? ''} />
      <span>{source.kind === 'palette' ? `Add ${source.label}` : source.label}</span>
    </div>
  );
}

/** While dragging: dims the block being moved (canvas and layers) and hides hover marks, without re-rendering either. */
function DraggedStyle() {
  const dragging = useDnd((s) => s.source !== null);
  const id = useDnd((s) => (s.source?.kind === 'block' ? s.source.id : null));
  if (!dragging) return null;
  const q = id ? CSS.escape(id) : null;
  const dim = q ? `[data-cv-node="${q}"]{opacity:.35}[data-ol-id="${q}"]{opacity:.45}` : '';
  return <style>{`${dim}.cv-node[data-hover]::after{box-shadow:none}.cv-node[data-hover]::before{display:none}`}</style>;
}

