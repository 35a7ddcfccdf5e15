import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countNodes } from '../../core';
import { buildIndex, nodeById } from './block-index';
import { COALESCE_MS, createEditorStore, selectPageBlocks, selectSelectedNode } from './editor-store';
import { h, ids, sampleDoc } from './test-fixtures';

let store: ReturnType<typeof createEditorStore>;
beforeEach(() => {
  vi.useFakeTimers();
  store = createEditorStore();
  store.getState().load('p1', sampleDoc(), 3);
});
afterEach(() => vi.useRealTimers());

const dispatch = (...args: Parameters<ReturnType<typeof store.getState>['dispatch']>) => store.getState().dispatch(...args);
const history = () => store.temporal.getState();

describe('editor store', () => {
  it('loads on the home page, saved, with an index of every block', () => {
    const s = store.getState();
    expect(s.pageId).toBe('home');
    expect(s.saveStatus).toBe('saved');
    expect(s.index.size).toBe(countNodes(s.doc!.pages.flatMap((p) => p.blocks)));
    expect(s.index.get('c')).toEqual({ pageId: 'home', parentId: 's', slot: 'body', index: 1 });
  });

  it('marks edits unsaved; refused edits set lastError and change nothing', () => {
    expect(dispatch({ type: 'updateProps', pageId: 'home', id: 'a', patch: { text: 'A' } })).toBe(true);
    expect(store.getState().saveStatus).toBe('unsaved');
    const before = store.getState().doc;
    expect(dispatch({ type: 'moveBlock', pageId: 'home', id: 's', to: { parentId: 's', slot: 'body', index: 0 } })).toBe(false);
    expect(store.getState().lastError).toMatch(/cannot move into itself/);
    expect(store.getState().doc).toBe(before);
  });

  it('keeps the index for props edits and rebuilds it for structural ones', () => {
    const index = store.getState().index;
    dispatch({ type: 'updateProps', pageId: 'home', id: 'b', patch: { text: 'B' } });
    expect(store.getState().index).toBe(index);
    dispatch({ type: 'insertBlock', pageId: 'home', node: h('n'), at: { parentId: 's', slot: 'body', index: 0 } });
    const s = store.getState();
    expect(s.index).not.toBe(index);
    expect(s.index).toEqual(buildIndex(s.doc!));
    expect(nodeById(s.doc!, s.index, 'c')!.props.text).toBe('c');
  });

  it('records document changes only: selection and viewport are not undo steps', () => {
    store.getState().select('a');
    store.getState().setViewport('mobile');
    expect(history().pastStates).toHaveLength(0);
    dispatch({ type: 'removeBlock', pageId: 'home', id: 'd' });
    expect(history().pastStates).toHaveLength(1);
  });

  it('undoes and redoes structural edits, index included', () => {
    dispatch({ type: 'removeBlock', pageId: 'home', id: 's' });
    expect(ids(selectPageBlocks(store.getState()))).toEqual(['a', 'd']);
    history().undo();
    expect(ids(selectPageBlocks(store.getState()))).toEqual(['a', 's', 'd']);
    expect(store.getState().index.has('b')).toBe(true);
    history().redo();
    expect(store.getState().index.has('b')).toBe(false);
  });

  it('coalesces typing in one field into one undo step', () => {
    for (const text of ['H', 'He', 'Hel', 'Hell', 'Hello']) {
      dispatch({ type: 'updateProps', pageId: 'home', id: 'a', patch: { text } }, { coalesce: 'a.text' });
      vi.advanceTimersByTime(100);
    }
    expect(history().pastStates).toHaveLength(1);
    history().undo();
    expect(selectPageBlocks(store.getState())[0]!.props.text).toBe('a');
  });

  it('starts a new step after a pause, or in another field', () => {
    dispatch({ type: 'updateProps', pageId: 'home', id: 'a', patch: { text: 'x' } }, { coalesce: 'a.text' });
    vi.advanceTimersByTime(COALESCE_MS + 10);
    dispatch({ type: 'updateProps', pageId: 'home', id: 'a', patch: { text: 'xy' } }, { coalesce: 'a.text' });
    dispatch({ type: 'updateProps', pageId: 'home', id: 'd', patch: { text: 'z' } }, { coalesce: 'd.text' });
    expect(history().pastStates).toHaveLength(3);
  });

  it('clears the selection when the selected block is removed', () => {
    store.getState().select('b');
    expect(selectSelectedNode(store.getState())!.id).toBe('b');
    dispatch({ type: 'removeBlock', pageId: 'home', id: 's' });
    expect(store.getState().selectedId).toBeNull();
  });

  it('markSaved records what was saved; later edits stay unsaved', () => {
    dispatch({ type: 'updateProps', pageId: 'home', id: 'a', patch: { text: '1' } });
    const sent = store.getState().doc!;
    dispatch({ type: 'updateProps', pageId: 'home', id: 'a', patch: { text: '2' } });
    store.getState().markSaved(sent, 4);
    expect(store.getState()).toMatchObject({ baseRevision: 4, saveStatus: 'unsaved' });
  });
});
