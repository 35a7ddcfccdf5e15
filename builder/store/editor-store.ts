// The editor's zustand store, in slices: the document (changed only through typed actions), the
// selection and UI, and saving. History (zundo) records document changes only; typing in one
// field is coalesced into one undo step.
import { temporal } from 'zundo';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { TreeError, type BlockNode, type PortalDocument } from '../../core';
import { SHAPE_PRESERVING, type EditAction } from './actions';
import { buildIndex, nodeById, reindexPage, type BlockIndex } from './block-index';
import { EditError, reduce } from './reducers';

export type Viewport = 'desktop' | 'tablet' | 'mobile';
export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'offline' | 'conflict' | 'error';

export type EditorState = {
  // Document slice.
  portalId: string | null;
  doc: PortalDocument | null;
  index: BlockIndex;
  /** The server revision the local document is based on. */
  baseRevision: number;
  /** The document as last saved (or loaded): `doc !== savedDoc` means unsaved changes. */
  savedDoc: PortalDocument | null;
  // Selection and UI slice.
  pageId: string | null;
  selectedId: string | null;
  viewport: Viewport;
  /** Why the last edit was refused (an invalid move, a taken path…), for a toast. */
  lastError: string | null;
  // Save slice.
  saveStatus: SaveStatus;
  saveMessage: string | null;

  load: (portalId: string, doc: PortalDocument, revision: number, opts?: { savedDoc?: PortalDocument; pageId?: string }) => void;
  /** Applies an edit; returns false, with `lastError` set, when the edit is refused. */
  dispatch: (action: EditAction, opts?: { coalesce?: string }) => boolean;
  select: (id: string | null) => void;
  setPage: (pageId: string) => void;
  setViewport: (viewport: Viewport) => void;
  clearError: () => void;
  setSaveState: (status: SaveStatus, message?: string | null) => void;
  /** A save succeeded: `doc` is what was sent, `revision` what the server answered. */
  markSaved: (doc: PortalDocument, revision: number) => void;
};

type Tracked = Pick<EditorState, 'doc' | 'index'>;

/** How long typing in the same field keeps extending one undo step. */
export const COALESCE_MS = 1000;

export function createEditorStore() {
  // Set by dispatch for the duration of one set(): the history hook reads it to coalesce steps.
  let coalesceKey: string | undefined;
  let lastStep: { key: string | undefined; at: number } = { key: undefined, at: 0 };

  return createStore<EditorState>()(
    temporal(
      (set, get, api) => ({
        portalId: null,
        doc: null,
        index: new Map(),
        baseRevision: 0,
        savedDoc: null,
        pageId: null,
        selectedId: null,
        viewport: 'desktop',
        lastError: null,
        saveStatus: 'saved',
        saveMessage: null,

        load: (portalId, doc, revision, opts = {}) => {
          const pageId = opts.pageId && doc.pages.some((p) => p.id === opts.pageId) ? opts.pageId : (doc.pages.find((p) => p.path === '/') ?? doc.pages[0])?.id ?? null;
          const savedDoc = opts.savedDoc ?? doc;
          set({
            portalId,
            doc,
            index: buildIndex(doc),
            baseRevision: revision,
            savedDoc,
            pageId,
            selectedId: null,
            lastError: null,
            saveStatus: savedDoc === doc ? 'saved' : 'unsaved',
            saveMessage: null,
          });
          // A loaded document is where history starts: undo never goes back past it.
          (api as unknown as { temporal: { getState: () => { clear: () => void } } }).temporal.getState().clear();
          lastStep = { key: undefined, at: 0 };
        },

        dispatch: (action, opts = {}) => {
          const { doc, index } = get();
          if (!doc) return false;
          let next: PortalDocument;
          try {
            next = reduce(doc, action);
          } catch (err) {
            if (err instanceof TreeError || err instanceof EditError) {
              set({ lastError: err.message });
              return false;
            }
            throw err;
          }
          if (next === doc) return true;
          const nextIndex = SHAPE_PRESERVING.has(action.type) ? index : 'pageId' in action ? reindexPage(index, next, action.pageId) : buildIndex(next);
          coalesceKey = opts.coalesce;
          try {
            const { selectedId, saveStatus } = get();
            set({
              doc: next,
              index: nextIndex,
              lastError: null,
              // A conflict stays until the person resolves it: more edits must not clear it.
              saveStatus: saveStatus === 'conflict' ? 'conflict' : 'unsaved',
              // A removed block cannot stay selected.
              ...(selectedId && !nextIndex.has(selectedId) ? { selectedId: null } : {}),
            });
          } finally {
            coalesceKey = undefined;
          }
          return true;
        },

        select: (id) => set({ selectedId: id }),
        setPage: (pageId) => set({ pageId, selectedId: null }),
        setViewport: (viewport) => set({ viewport }),
        clearError: () => set({ lastError: null }),
        setSaveState: (saveStatus, saveMessage = null) => set({ saveStatus, saveMessage }),
        markSaved: (saved, revision) =>
          set((s) => ({ savedDoc: saved, baseRevision: revision, saveStatus: s.doc === saved ? 'saved' : 'unsaved', saveMessage: null })),
      }),
      {
        partialize: (s): Tracked => ({ doc: s.doc, index: s.index }),
        equality: (a, b) => a.doc === b.doc,
        limit: 200,
        // zundo passes its internal 4-argument recorder here, typed as setState.
        handleSet: (record) => (pastState, replace, currentState, delta) => {
          const handleSet = record as unknown as (p: typeof pastState, r: typeof replace, c: typeof currentState, d: typeof delta) => void;
          const now = Date.now();
          // Consecutive edits with the same key (typing in one field) extend the current step.
          if (coalesceKey !== undefined && lastStep.key === coalesceKey && now - lastStep.at < COALESCE_MS) {
            lastStep.at = now;
            return;
          }
          lastStep = { key: coalesceKey, at: now };
          handleSet(pastState, replace, currentState, delta);
        },
      },
    ),
  );
}

export type EditorStore = ReturnType<typeof createEditorStore>;

/** The app's one editor. Tests make their own with createEditorStore(). */
export const editorStore = createEditorStore();

export function useEditor<T>(selector: (s: EditorState) => T): T {
  return useStore(editorStore, selector);
}

export const undo = (store: EditorStore = editorStore) => store.temporal.getState().undo();
export const redo = (store: EditorStore = editorStore) => store.temporal.getState().redo();

/** The current page's blocks (stable identity while that page is unchanged). */
export const selectPageBlocks = (s: EditorState): BlockNode[] => s.doc?.pages.find((p) => p.id === s.pageId)?.blocks ?? EMPTY;
const EMPTY: BlockNode[] = [];

/** The selected block node (O(depth) through the index). */
export const selectSelectedNode = (s: EditorState): BlockNode | undefined => (s.doc && s.selectedId ? nodeById(s.doc, s.index, s.selectedId) : undefined);
