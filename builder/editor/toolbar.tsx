// The editor's toolbar above the canvas: undo and redo (disabled when there is nothing to undo or
// redo; they follow the history store, which records document changes only), the page being edited,
// and the viewport switcher (desktop, tablet, mobile) as a segmented control.
import { Monitor, Redo2, Smartphone, Tablet, Undo2, type LucideIcon } from 'lucide-react';
import { useStore } from 'zustand';
import { pickText } from '../../core';
import { editorStore, redo, undo, useEditor, type Viewport } from '../store/editor-store';
import './toolbar.css';

const VIEWPORTS: { id: Viewport; label: string; width: string; Icon: LucideIcon }[] = [
  { id: 'desktop', label: 'Desktop', width: 'full width', Icon: Monitor },
  { id: 'tablet', label: 'Tablet', width: '768 px', Icon: Tablet },
  { id: 'mobile', label: 'Mobile', width: '390 px', Icon: Smartphone },
];

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl+';

export function Toolbar() {
  const canUndo = useStore(editorStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(editorStore.temporal, (s) => s.futureStates.length > 0);
  const viewport = useEditor((s) => s.viewport);
  const pageTitle = useEditor((s) => {
    const page = s.doc?.pages.find((p) => p.id === s.pageId);
    return page ? pickText(page.title, 'en') : '';
  });
  const pagePath = useEditor((s) => s.doc?.pages.find((p) => p.id === s.pageId)?.path ?? '');
  const afterHistory = () => {
    const s = editorStore.getState();
    if (s.selectedId && !s.index.has(s.selectedId)) s.select(null);
  };
  return (
    <div className="etb" role="toolbar" aria-label="Editor">
      <div className="etb__group">
        <button type="button" className="btn btn--ghost btn--icon" aria-label="Undo" title={`Undo (${mod}Z)`} disabled={!canUndo} onClick={() => (undo(), afterHistory())}>
          <Undo2 aria-hidden="true" />
        </button>
        <button type="button" className="btn btn--ghost btn--icon" aria-label="Redo" title={`Redo (${mod}Shift+Z)`} disabled={!canRedo} onClick={() => (redo(), afterHistory())}>
          <Redo2 aria-hidden="true" />
        </button>
      </div>
      <div className="etb__page" title={pagePath}>
        {pageTitle ? (
          <>
            <span className="etb__title">{pageTitle}</span>
            <span className="etb__path mono">{pagePath}</span>
          </>
        ) : null}
      </div>
      <div className="etb__viewports" role="group" aria-label="Preview width">
        {VIEWPORTS.map(({ id, label, width, Icon }) => (
          <button
            key={id}
            type="button"
            className="etb__viewport"
            aria-pressed={viewport === id}
            aria-label={label}
            title={`${label} (${width})`}
            onClick={() => editorStore.getState().setViewport(id)}
          >
            <Icon aria-hidden="true" />
            <span>{label}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
