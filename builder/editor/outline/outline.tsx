// The layers tree: the current page's blocks as an ARIA tree (flat rows with aria-level, arrow keys
// per the tree pattern, one tab stop), with slot rows for blocks that have several slots. Focus and
// selection go together, both ways with the canvas. Rows drag (pointer, or Space for a keyboard
// drag) to reorder blocks or move them between slots, in the same drag context as the canvas.
//
// Speed: the row list re-renders only when the tree's shape changes (keepRows); each row follows its
// own block, whether it is selected and whether it holds the tab stop, so typing or selecting
// re-renders one or two rows.
import { useDraggable } from '@dnd-kit/core';
import { ChevronRight, ChevronsDownUp, ChevronsUpDown, Lock, SquareDashed } from 'lucide-react';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { getBlock } from '../../../blocks';
import { BlockIcon } from '../../inspector/block-icon';
import { nodeById } from '../../store/block-index';
import { editorStore, selectPageBlocks, useEditor } from '../../store/editor-store';
import { isDragging, REGION, useDnd, useDropRegion, type DragData } from '../dnd';
import { markFor, OUTLINE_BASE, OUTLINE_INDENT } from '../dnd/dom-targets';
import { ancestorKeys, expandableKeys, flattenOutline, keepRows, summaryOf, treeKeyMove, type OutlineRow } from './outline-model';
import './outline.css';

const rowSelector = (key: string) => `[data-ol-key="${CSS.escape(key)}"]`;

/** Which row holds the tree's one tab stop; rows subscribe to "is it me". */
const tabStop = createStore<{ key: string | null }>(() => ({ key: null }));

type RowHandlers = { toggle: (key: string, expand?: boolean) => void; click: (key: string, blockId: string) => void };

export function Outline() {
  const blocks = useEditor(selectPageBlocks);
  const selectedId = useEditor((s) => s.selectedId);
  const pageId = useEditor((s) => s.pageId);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const treeRef = useRef<HTMLDivElement | null>(null);
  const prevRows = useRef<readonly OutlineRow[] | null>(null);
  // Set by a key press inside the tree: if the focused row goes away (removed, moved), focus follows.
  const keepFocus = useRef(false);
  const setPointerRegion = useDropRegion(REGION.outline);
  const setKeyboardRegion = useDropRegion(REGION.outlineKeyboard);

  // Another page: start afresh.
  useEffect(() => {
    setCollapsed(new Set());
    setFocusKey(null);
  }, [pageId]);

  // A block selected elsewhere (the canvas, a shortcut) shows here: its ancestors open, its row in view.
  useEffect(() => {
    if (!selectedId) return;
    const open = ancestorKeys(selectPageBlocks(editorStore.getState()), selectedId);
    setCollapsed((prev) => (open.some((k) => prev.has(k)) ? new Set([...prev].filter((k) => !open.includes(k))) : prev));
    // A slot row of the selected block may keep the focus.
    setFocusKey((prev) => (prev === selectedId || prev?.startsWith(`${selectedId}::`) ? prev : selectedId));
  }, [selectedId]);

  const rows = useMemo(() => (prevRows.current = keepRows(prevRows.current, flattenOutline(blocks, collapsed))), [blocks, collapsed]);
  const activeKey = focusKey && rows.some((r) => r.key === focusKey) ? focusKey : (rows.find((r) => r.kind === 'block' && r.id === selectedId)?.key ?? rows[0]?.key ?? null);

  useLayoutEffect(() => {
    tabStop.setState({ key: activeKey });
    // The active row stays in view (only when it changes: scrolling forces a layout).
    if (activeKey) treeRef.current?.querySelector<HTMLElement>(rowSelector(activeKey))?.scrollIntoView({ block: 'nearest' });
  }, [activeKey]);
  // After a key press in the tree removed or re-mounted the focused row, focus the active one.
  useLayoutEffect(() => {
    const tree = treeRef.current;
    if (!keepFocus.current || !tree || !activeKey) return;
    keepFocus.current = false;
    if (!tree.contains(document.activeElement)) tree.querySelector<HTMLElement>(rowSelector(activeKey))?.focus();
  }, [activeKey, rows]);

  const toggle = useCallback((key: string, expand?: boolean) => {
    setCollapsed((prev) => {
      const isOpen = !prev.has(key);
      if (expand === isOpen) return prev;
      const next = new Set(prev);
      if (isOpen) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);
  const click = useCallback((key: string, blockId: string) => {
    setFocusKey(key);
    editorStore.getState().select(blockId);
  }, []);
  const handlers = useMemo<RowHandlers>(() => ({ toggle, click }), [toggle, click]);

  const focusRow = (key: string) => {
    const row = rows.find((r) => r.key === key);
    if (row) click(key, row.kind === 'block' ? row.id : row.parentId);
    treeRef.current?.querySelector<HTMLElement>(rowSelector(key))?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.defaultPrevented || isDragging()) return;
    keepFocus.current = true;
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (e.key === 'Enter' && activeKey) {
      e.preventDefault();
      focusRow(activeKey);
      return;
    }
    const move = treeKeyMove(e.key, rows, activeKey);
    if (!move) return;
    e.preventDefault();
    if ('focus' in move) focusRow(move.focus);
    else if ('expand' in move) toggle(move.expand, true);
    else toggle(move.collapse, false);
  };

  const empty = rows.length === 0;
  return (
    <div className="ol" ref={setKeyboardRegion}>
      <div className="ol-head">
        <span className="ol-head__title">Layers</span>
        <span className="ol-head__actions">
          <button type="button" className="btn btn--ghost btn--icon btn--small" aria-label="Expand all" title="Expand all" disabled={empty} onClick={() => setCollapsed(new Set())}>
            <ChevronsUpDown aria-hidden="true" />
          </button>
          <button
            type="button"
            className="btn btn--ghost btn--icon btn--small"
            aria-label="Collapse all"
            title="Collapse all"
            disabled={empty}
            onClick={() => setCollapsed(new Set(expandableKeys(selectPageBlocks(editorStore.getState()))))}
          >
            <ChevronsDownUp aria-hidden="true" />
          </button>
        </span>
      </div>
      <div className="ol-scroll" data-dnd-scroll="">
        <div className="ol-body">
          <div
            ref={(el) => {
              treeRef.current = el;
              setPointerRegion(el);
            }}
            className="ol-tree"
            role="tree"
            aria-label="Page layers"
            data-ol-tree=""
            onKeyDown={onKeyDown}
          >
            <RowList rows={rows} handlers={handlers} />
            {empty ? <p className="ol-empty">No blocks on this page yet. Drag one here or onto the canvas from the Blocks tab.</p> : null}
          </div>
          <OutlineDropMark />
        </div>
      </div>
    </div>
  );
}

const RowList = memo(function RowList({ rows, handlers }: { rows: readonly OutlineRow[]; handlers: RowHandlers }) {
  return rows.map((row) =>
    row.kind === 'block' ? (
      <BlockRow
        key={row.key}
        id={row.id}
        type={row.type}
        level={row.level}
        posinset={row.posinset}
        setsize={row.setsize}
        expandable={row.expandable}
        expanded={row.expanded}
        handlers={handlers}
      />
    ) : (
      <SlotRow
        key={row.key}
        rowKey={row.key}
        parentId={row.parentId}
        slot={row.slot}
        label={row.label}
        count={row.count}
        level={row.level}
        posinset={row.posinset}
        setsize={row.setsize}
        expandable={row.expandable}
        expanded={row.expanded}
        handlers={handlers}
      />
    ),
  );
});

type TreeItemProps = { level: number; posinset: number; setsize: number; expandable: boolean; expanded: boolean; handlers: RowHandlers };

const BlockRow = memo(function BlockRow({ id, type, level, posinset, setsize, expandable, expanded, handlers }: TreeItemProps & { id: string; type: string }) {
  const node = useEditor((s) => (s.doc ? nodeById(s.doc, s.index, id) : undefined));
  const selected = useEditor((s) => s.selectedId === id);
  const tabbable = useStore(tabStop, (s) => s.key === id);
  const def = getBlock(type);
  const label = def?.label ?? type;
  const data = useMemo<DragData>(() => ({ source: { kind: 'block', id, type, label }, surface: 'outline' }), [id, type, label]);
  const { attributes, listeners, setNodeRef } = useDraggable({ id: `outline:${id}`, data });
  const summary = node ? summaryOf(node) : '';
  const restricted = !!node?.visibility && (node.visibility.audience === 'signed-in' || (node.visibility.roles?.length ?? 0) > 0);
  // Space picks the row up for a keyboard drag; Enter and the arrows belong to the tree.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === ' ') listeners?.onKeyDown?.(e);
  };
  return (
    <div
      ref={setNodeRef}
      role="treeitem"
      aria-level={level}
      aria-posinset={posinset}
      aria-setsize={setsize}
      aria-expanded={expandable ? expanded : undefined}
      aria-selected={selected}
      aria-describedby={attributes['aria-describedby']}
      tabIndex={tabbable ? 0 : -1}
      className="ol-row"
      data-ol-row=""
      data-ol-id={id}
      data-ol-key={id}
      style={{ paddingLeft: OUTLINE_BASE + (level - 1) * OUTLINE_INDENT }}
      onPointerDown={(e) => listeners?.onPointerDown?.(e)}
      onKeyDown={onKeyDown}
      onClick={() => handlers.click(id, id)}
    >
      <Twisty expandable={expandable} expanded={expanded} onToggle={() => handlers.toggle(id)} />
      <BlockIcon name={def?.icon ?? ''} className="ol-row__icon" />
      <span className="ol-row__label">{label}</span>
      {summary ? <span className="ol-row__summary">{summary}</span> : null}
      {restricted ? <Lock className="ol-row__lock" role="img" aria-label="Visible to some viewers only" /> : null}
    </div>
  );
});

type SlotRowProps = TreeItemProps & { rowKey: string; parentId: string; slot: string; label: string; count: number };

const SlotRow = memo(function SlotRow({ rowKey, parentId, slot, label, count, level, posinset, setsize, expandable, expanded, handlers }: SlotRowProps) {
  const tabbable = useStore(tabStop, (s) => s.key === rowKey);
  return (
    <div
      role="treeitem"
      aria-level={level}
      aria-posinset={posinset}
      aria-setsize={setsize}
      aria-expanded={expandable ? expanded : undefined}
      aria-selected={false}
      tabIndex={tabbable ? 0 : -1}
      className="ol-row ol-row--slot"
      data-ol-row=""
      data-ol-parent={parentId}
      data-ol-slot={slot}
      data-ol-key={rowKey}
      style={{ paddingLeft: OUTLINE_BASE + (level - 1) * OUTLINE_INDENT }}
      onClick={() => handlers.click(rowKey, parentId)}
    >
      <Twisty expandable={expandable} expanded={expanded} onToggle={() => handlers.toggle(rowKey)} />
      <SquareDashed className="ol-row__icon" aria-hidden="true" />
      <span className="ol-row__label">{label}</span>
      <span className="ol-row__count">{count === 0 ? 'empty' : count}</span>
    </div>
  );
});

/** The expand arrow. Not a tab stop: the tree's arrow keys expand and collapse. */
function Twisty({ expandable, expanded, onToggle }: { expandable: boolean; expanded: boolean; onToggle: () => void }) {
  if (!expandable) return <span className="ol-twisty" aria-hidden="true" />;
  const click = (e: MouseEvent) => {
    e.stopPropagation();
    onToggle();
  };
  return (
    <span className={`ol-twisty ol-twisty--on${expanded ? ' ol-twisty--open' : ''}`} aria-hidden="true" onClick={click} onPointerDown={(e) => e.stopPropagation()}>
      <ChevronRight />
    </span>
  );
}

/** The insertion line (or the highlighted row to drop into) while dragging. */
const OutlineDropMark = memo(function OutlineDropMark() {
  const target = useDnd((s) => s.target);
  const line = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const l = line.current;
    const b = box.current;
    const body = l?.parentElement;
    if (!l || !b || !body) return;
    l.hidden = true;
    b.hidden = true;
    if (target?.kind !== 'position') return;
    const mark = markFor('outline', target.position, selectPageBlocks(editorStore.getState()));
    if (!mark) return;
    const origin = body.getBoundingClientRect();
    if (mark.box) {
      b.hidden = false;
      Object.assign(b.style, { left: `${mark.box.left - origin.left + 2}px`, top: `${mark.box.top - origin.top}px`, width: `${mark.box.width - 4}px`, height: `${mark.box.height}px` });
      return;
    }
    l.hidden = false;
    Object.assign(l.style, { left: `${mark.line.x - origin.left}px`, top: `${mark.line.y - origin.top}px`, width: `${mark.line.length}px` });
  }, [target]);
  return (
    <>
      <div ref={line} className="ol-drop-line" hidden aria-hidden="true" />
      <div ref={box} className="ol-drop-box" hidden aria-hidden="true" />
    </>
  );
});
