// The state of the drag in progress, apart from the editor store (a drag is not a document change and
// must not touch undo history): what is dragged, from where, and where it would land. The insertion
// lines of the canvas and the layers subscribe to `target` alone, so a drag re-renders two small
// components, not the page.
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { DragSource, DropPosition, DropTarget, Origin } from './drop-position';

export type DragSurface = 'canvas' | 'outline' | 'palette';

export type DndState = {
  source: DragSource | null;
  /** Where the dragged block sits now (null for a new block from the palette). */
  from: Origin | null;
  surface: DragSurface | null;
  keyboard: boolean;
  target: DropTarget | null;
  /** Keyboard drags: every drop position of the page in reading order, and the current one. */
  positions: DropPosition[];
  cursor: number;
  /** The last sentence announced, so moving within one position says nothing new. */
  announced: string;
  /** What onDragEnd decided, for the end announcement (the document has changed by then). */
  endMessage: string;
  /** When the last drag ended: a click that a keyboard drop turns into is not an "insert". */
  endedAt: number;
};

export const dndStore = createStore<DndState>()(() => ({
  source: null,
  from: null,
  surface: null,
  keyboard: false,
  target: null,
  positions: [],
  cursor: 0,
  announced: '',
  endMessage: '',
  endedAt: 0,
}));

export function useDnd<T>(selector: (s: DndState) => T): T {
  return useStore(dndStore, selector);
}

export const isDragging = () => dndStore.getState().source !== null;

/** True for a click that is really the tail of a drop (Space or Enter on a palette item). */
export const justDropped = () => Date.now() - dndStore.getState().endedAt < 400;
