// The page editor: palette, layers and pages on the left, the canvas in the middle, the inspector
// on the right, all inside one drag-and-drop context; keyboard shortcuts while it is open.
import { useRef, useState, type KeyboardEvent } from 'react';
import { Inspector, PagesPanel } from '../inspector';
import { Canvas } from './canvas';
import { EditorDnd } from './dnd';
import { Outline } from './outline';
import { Palette } from './palette';
import { useEditorShortcuts } from './shortcuts';
import { Toolbar } from './toolbar';
import './editor.css';

const TABS = [
  { id: 'blocks', label: 'Blocks', Panel: Palette },
  { id: 'layers', label: 'Layers', Panel: Outline },
  { id: 'pages', label: 'Pages', Panel: PagesPanel },
] as const;
type TabId = (typeof TABS)[number]['id'];

export function PageEditor(_props: { portalId: string }) {
  useEditorShortcuts();
  const [tab, setTab] = useState<TabId>('blocks');
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const next = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i - 1 + TABS.length) % TABS.length : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    setTab(TABS[next]!.id);
    refs.current[TABS[next]!.id]?.focus();
  };
  const Active = TABS.find((t) => t.id === tab)!.Panel;
  return (
    <EditorDnd>
      <div className="editor">
        <aside className="editor__left" aria-label="Blocks, layers and pages">
          <div className="editor__tabs" role="tablist" aria-label="Left panel" onKeyDown={onTabKey}>
            {TABS.map((t) => (
              <button
                key={t.id}
                ref={(el) => {
                  refs.current[t.id] = el;
                }}
                id={`editor-tab-${t.id}`}
                className="editor__tab"
                role="tab"
                aria-selected={tab === t.id}
                aria-controls="editor-left-panel"
                tabIndex={tab === t.id ? 0 : -1}
                onClick={() => setTab(t.id)}
              >
                {t.label}
              </button>
            ))}
          </div>
          <div id="editor-left-panel" className="editor__panel" role="tabpanel" aria-labelledby={`editor-tab-${tab}`}>
            <Active />
          </div>
        </aside>
        <div className="editor__toolbar">
          <Toolbar />
        </div>
        <main className="editor__canvas" aria-label="Page canvas">
          <Canvas />
        </main>
        <aside className="editor__right" aria-label="Inspector">
          <Inspector />
        </aside>
      </div>
    </EditorDnd>
  );
}
