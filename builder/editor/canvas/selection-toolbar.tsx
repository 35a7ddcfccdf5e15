// The selected block's floating mini-toolbar: a drag handle (pointer or keyboard: Space picks the
// block up), its name, move up, move down, duplicate and delete. Only one exists at a time.
import { useDraggable } from '@dnd-kit/core';
import { ArrowDown, ArrowUp, CopyPlus, GripVertical, Trash2 } from 'lucide-react';
import { useMemo, type MouseEvent } from 'react';
import { useEditor, type EditorState } from '../../store/editor-store';
import { nodeById } from '../../store/block-index';
import type { DragData } from '../dnd';
import { duplicateBlockById, moveBlockBy, removeBlockById } from './commands';

export function SelectionToolbar({ id, type, label }: { id: string; type: string; label: string }) {
  const data = useMemo<DragData>(() => ({ source: { kind: 'block', id, type, label }, surface: 'canvas' }), [id, type, label]);
  const { attributes, listeners, setNodeRef } = useDraggable({ id: `canvas:${id}`, data });
  const index = useEditor((s) => s.index.get(id)?.index ?? 0);
  const count = useEditor((s) => siblingCount(s, id));
  // The toolbar sits inside the block: its clicks must not reach the canvas's select handler.
  const act = (fn: () => void) => (e: MouseEvent) => {
    e.stopPropagation();
    fn();
  };
  return (
    <div className="cv-toolbar" role="toolbar" aria-label={`${label} block`} onClick={(e) => e.stopPropagation()}>
      <button
        ref={setNodeRef}
        type="button"
        className="cv-toolbar__handle"
        data-cv-handle=""
        {...attributes}
        {...listeners}
        aria-label={`Move ${label}: drag, or press Space to pick it up`}
        title="Drag to move"
      >
        <GripVertical aria-hidden="true" />
        <span className="cv-toolbar__name">{label}</span>
      </button>
      <span className="cv-toolbar__sep" aria-hidden="true" />
      <button type="button" className="cv-toolbar__btn" aria-label={`Move ${label} up`} title="Move up (Alt+↑)" disabled={index === 0} onClick={act(() => moveBlockBy(id, -1))}>
        <ArrowUp aria-hidden="true" />
      </button>
      <button type="button" className="cv-toolbar__btn" aria-label={`Move ${label} down`} title="Move down (Alt+↓)" disabled={index >= count - 1} onClick={act(() => moveBlockBy(id, 1))}>
        <ArrowDown aria-hidden="true" />
      </button>
      <button type="button" className="cv-toolbar__btn" aria-label={`Duplicate ${label}`} title="Duplicate (Ctrl+D)" onClick={act(() => duplicateBlockById(id))}>
        <CopyPlus aria-hidden="true" />
      </button>
      <button type="button" className="cv-toolbar__btn" aria-label={`Delete ${label}`} title="Delete (Del)" onClick={act(() => removeBlockById(id))}>
        <Trash2 aria-hidden="true" />
      </button>
    </div>
  );
}

function siblingCount(s: EditorState, id: string): number {
  const loc = s.index.get(id);
  if (!loc || !s.doc) return 0;
  if (loc.parentId === null) return s.doc.pages.find((p) => p.id === loc.pageId)?.blocks.length ?? 0;
  return nodeById(s.doc, s.index, loc.parentId)?.slots?.[loc.slot!]?.length ?? 0;
}
