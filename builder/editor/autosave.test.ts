import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PortalDocument } from '../../core';
import { createEditorStore } from '../store/editor-store';
import { sampleDoc } from '../store/test-fixtures';
import { localDraftKey, readLocalDraft, startAutosave, type FailureKind, type SaveFn } from './autosave';

class MemoryStorage {
  map = new Map<string, string>();
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
  removeItem = (k: string) => void this.map.delete(k);
}

class FakeError extends Error {
  constructor(readonly kind: FailureKind) {
    super(kind);
  }
}

let store: ReturnType<typeof createEditorStore>;
let storage: MemoryStorage;
let calls: { baseRevision: number; document: PortalDocument }[];
let serverRevision: number;
let behaviour: FailureKind | 'ok';
const save: SaveFn = async (input) => {
  calls.push({ baseRevision: input.baseRevision, document: input.document });
  if (behaviour !== 'ok') throw new FakeError(behaviour);
  if (input.baseRevision !== serverRevision) throw new FakeError('conflict');
  return { revision: ++serverRevision };
};
const edit = (text: string) => store.getState().dispatch({ type: 'updateProps', pageId: 'home', id: 'a', patch: { text } }, { coalesce: 'a.text' });

beforeEach(() => {
  vi.useFakeTimers();
  store = createEditorStore();
  store.getState().load('p1', sampleDoc(), 5);
  storage = new MemoryStorage();
  calls = [];
  serverRevision = 5;
  behaviour = 'ok';
});
afterEach(() => vi.useRealTimers());

const start = () =>
  startAutosave(store, { adminId: 'admin1', save, storage, classify: (e) => (e as FakeError).kind, describe: (e) => `failed: ${(e as Error).message}`, debounceMs: 500, retryMs: 1000 });

describe('autosave', () => {
  it('saves once after a burst of edits, with the base revision, and then is saved', async () => {
    const a = start();
    edit('H');
    edit('He');
    edit('Hey');
    await vi.advanceTimersByTimeAsync(499);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(10);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.baseRevision).toBe(5);
    expect(calls[0]!.document.pages[0]!.blocks[0]!.props.text).toBe('Hey');
    expect(store.getState()).toMatchObject({ saveStatus: 'saved', baseRevision: 6 });
    a.stop();
  });

  it('keeps unsaved edits in local storage until they are saved', async () => {
    const a = start();
    behaviour = 'offline';
    edit('local');
    await vi.advanceTimersByTimeAsync(300);
    expect(readLocalDraft(storage, 'admin1', 'p1')?.document.pages[0]!.blocks[0]!.props.text).toBe('local');
    expect(readLocalDraft(storage, 'admin1', 'p1')?.baseRevision).toBe(5);
    await vi.advanceTimersByTimeAsync(300);
    expect(store.getState().saveStatus).toBe('offline');
    behaviour = 'ok';
    await vi.advanceTimersByTimeAsync(1100);
    expect(store.getState().saveStatus).toBe('saved');
    expect(storage.getItem(localDraftKey('admin1', 'p1'))).toBeNull();
    a.stop();
  });

  it('retries while offline with growing waits', async () => {
    const a = start();
    behaviour = 'offline';
    edit('x');
    await vi.advanceTimersByTimeAsync(600);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1500);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(600);
    expect(calls).toHaveLength(3);
    a.stop();
  });

  it('stops on a conflict and does not save again until resolved; the local copy stays', async () => {
    const a = start();
    serverRevision = 7; // someone else saved twice
    edit('mine');
    await vi.advanceTimersByTimeAsync(600);
    expect(store.getState().saveStatus).toBe('conflict');
    expect(store.getState().saveMessage).toBe('failed: conflict');
    edit('mine, more');
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(1);
    expect(readLocalDraft(storage, 'admin1', 'p1')?.document.pages[0]!.blocks[0]!.props.text).toBe('mine, more');
    a.stop();
  });

  it('does not send an invalid document, and says why', async () => {
    const a = start();
    store.getState().dispatch({ type: 'updateProps', pageId: 'home', id: 'a', patch: { level: 'h9' } });
    await vi.advanceTimersByTimeAsync(600);
    expect(calls).toHaveLength(0);
    expect(store.getState().saveStatus).toBe('error');
    expect(store.getState().saveMessage).toMatch(/block "a", field "level"/);
    a.stop();
  });

  it('saves edits made while a save is in flight right after it', async () => {
    let release!: () => void;
    const slow: SaveFn = (input) =>
      new Promise((resolve) => {
        calls.push({ baseRevision: input.baseRevision, document: input.document });
        release = () => resolve({ revision: ++serverRevision });
      });
    const a = startAutosave(store, { adminId: 'admin1', save: slow, storage, classify: () => 'rejected', describe: String, debounceMs: 500 });
    edit('one');
    await vi.advanceTimersByTimeAsync(600);
    edit('two');
    const flushed = a.flush();
    release();
    await vi.advanceTimersByTimeAsync(0);
    release();
    expect(await flushed).toBe(true);
    expect(calls.map((c) => c.document.pages[0]!.blocks[0]!.props.text)).toEqual(['one', 'two']);
    expect(calls[1]!.baseRevision).toBe(6);
    a.stop();
  });

  it('keeps each admin\u2019s local copy apart', async () => {
    const a = start();
    behaviour = 'offline';
    edit('owner edit');
    await vi.advanceTimersByTimeAsync(300);
    expect(readLocalDraft(storage, 'admin1', 'p1')).not.toBeNull();
    expect(readLocalDraft(storage, 'admin2', 'p1')).toBeNull();
    a.stop();
  });

  it('saves a draft restored from this device without waiting for an edit', async () => {
    const restored = { ...sampleDoc(), texts: { greeting: { en: 'restored' } } };
    store.getState().load('p1', restored, 5, { savedDoc: sampleDoc() });
    const a = start();
    await vi.advanceTimersByTimeAsync(600);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.document.texts).toEqual({ greeting: { en: 'restored' } });
    expect(store.getState().saveStatus).toBe('saved');
    a.stop();
  });

  it('is saved again, without a request, when an undo returns to the saved document', async () => {
    const a = start();
    edit('temporary');
    expect(store.getState().saveStatus).toBe('unsaved');
    store.temporal.getState().undo();
    expect(store.getState().saveStatus).toBe('saved');
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(0);
    a.stop();
  });

  it('flush saves immediately and reports success', async () => {
    const a = start();
    edit('now');
    expect(await a.flush()).toBe(true);
    expect(calls).toHaveLength(1);
    a.stop();
  });
});
