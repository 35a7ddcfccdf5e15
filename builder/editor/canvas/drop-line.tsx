// The canvas's insertion line while dragging: one element, placed from the live layout, that shows
// exactly where the block will land (between two children, before the first, after the last). Empty
// slots highlight themselves instead.
import { useLayoutEffect, useRef } from 'react';
import { editorStore, selectPageBlocks } from '../../store/editor-store';
import { useDnd } from '../dnd';
import { markFor } from '../dnd/dom-targets';

export function DropLine() {
  const target = useDnd((s) => s.target);
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    const stage = el?.parentElement;
    if (!el || !stage) return;
    const mark = target?.kind === 'position' ? markFor('canvas', target.position, selectPageBlocks(editorStore.getState())) : null;
    if (!mark || mark.box) {
      el.hidden = true;
      return;
    }
    const origin = stage.getBoundingClientRect();
    const { line } = mark;
    const horizontal = line.orientation === 'horizontal';
    el.hidden = false;
    el.dataset.orientation = horizontal ? 'h' : 'v';
    el.style.left = `${line.x - origin.left}px`;
    el.style.top = `${line.y - origin.top}px`;
    el.style.width = horizontal ? `${line.length}px` : '';
    el.style.height = horizontal ? '' : `${line.length}px`;
  }, [target]);
  return <div ref={ref} className="cv-drop-line" hidden aria-hidden="true" />;
}
