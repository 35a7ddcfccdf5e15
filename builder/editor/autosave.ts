// Autosave: debounced saveDraft with the base revision, a local copy of unsaved edits (so they
// survive a browser reload and a server restart), retries while offline, and a stop on CONFLICT
// until the person decides. Pure of React and of the network: the caller passes `save`.
import { formatIssues, type PortalDocument } from '../../core';
import { validateDocument } from '../../blocks';
import type { EditorStore } from '../store/editor-store';

export type SaveResult = { revision: number };
export type SaveFn = (input: { id: string; baseRevision: number; document: PortalDocument }) => Promise<SaveResult>;
export type FailureKind = 'conflict' | 'offline' | 'rejected';
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
export type LocalDraft = { baseRevision: number; document: PortalDocument; savedAt: string };

/** Per admin and portal: in a shared browser, one admin's pending edits never reach another. */
export const localDraftKey = (adminId: string, portalId: string) => `portico:draft:${adminId}:${portalId}`;

export function readLocalDraft(storage: DraftStorage | undefined, adminId: string, portalId: string): LocalDraft | null {
  try {
    const raw = storage?.getItem(localDraftKey(adminId, portalId));
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export type AutosaveDeps = {
  /** Whose edits these are: the local copy is kept under this admin's key. */
  adminId: string;
  save: SaveFn;
  classify: (err: unknown) => FailureKind;
  describe: (err: unknown) => string;
  storage?: DraftStorage;
  debounceMs?: number;
  /** Offline retries wait 1×, 2×, 4× … this, up to 30 s. */
  retryMs?: number;
};

export type Autosave = { flush: () => Promise<boolean>; stop: () => void };

export function startAutosave(store: EditorStore, deps: AutosaveDeps): Autosave {
  const debounceMs = deps.debounceMs ?? 800;
  const retryMs = deps.retryMs ?? 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let persistTimer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<boolean> | undefined;
  let failures = 0;
  let stopped = false;

  const persist = () => {
    const { portalId, doc, savedDoc, baseRevision } = store.getState();
    if (!portalId || !doc || !deps.storage) return;
    try {
      if (doc === savedDoc) deps.storage.removeItem(localDraftKey(deps.adminId, portalId));
      else deps.storage.setItem(localDraftKey(deps.adminId, portalId), JSON.stringify({ baseRevision, document: doc, savedAt: new Date().toISOString() } satisfies LocalDraft));
    } catch {
      // A full or blocked storage must not stop editing; the server copy is still being saved.
    }
  };

  const schedule = (ms = debounceMs) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void saveNow(), ms);
  };

  async function saveNow(): Promise<boolean> {
    clearTimeout(timer);
    if (inFlight) {
      await inFlight;
      // Edits made during that save are saved next.
      const s = store.getState();
      if (s.doc !== s.savedDoc && s.saveStatus !== 'conflict') return saveNow();
      return s.doc === s.savedDoc;
    }
    const { portalId, doc, savedDoc, baseRevision, saveStatus } = store.getState();
    if (!portalId || !doc) return false;
    if (saveStatus === 'conflict') return false;
    if (doc === savedDoc) return true;
    const valid = validateDocument(doc);
    if (!valid.ok) {
      store.getState().setSaveState('error', `Not saved: ${formatIssues(valid.issues.slice(0, 3))}`);
      return false;
    }
    store.getState().setSaveState('saving');
    inFlight = (async () => {
      try {
        const { revision } = await deps.save({ id: portalId, baseRevision, document: doc });
        failures = 0;
        store.getState().markSaved(doc, revision);
        persist();
        const now = store.getState();
        if (now.doc !== now.savedDoc) schedule();
        return now.doc === now.savedDoc;
      } catch (err) {
        const kind = deps.classify(err);
        if (kind === 'conflict') {
          store.getState().setSaveState('conflict', deps.describe(err));
        } else if (kind === 'offline') {
          failures++;
          store.getState().setSaveState('offline', 'Offline: your changes are kept on this device and saved when the server is back.');
          schedule(Math.min(30_000, retryMs * 2 ** (failures - 1)));
        } else {
          store.getState().setSaveState('error', deps.describe(err));
        }
        return false;
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  }

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.doc === prev.doc && s.savedDoc === prev.savedDoc) return;
    clearTimeout(persistTimer);
    persistTimer = setTimeout(persist, 200);
    if (s.doc !== s.savedDoc && s.saveStatus !== 'conflict') schedule();
    // Undo back to what the server has: nothing to save, and the indicator must say so.
    else if (s.doc === s.savedDoc && (s.saveStatus === 'unsaved' || s.saveStatus === 'error')) {
      clearTimeout(timer);
      s.setSaveState('saved');
    }
  });
  const online = () => {
    if (store.getState().saveStatus === 'offline') schedule(0);
  };
  if (typeof window !== 'undefined') window.addEventListener('online', online);
  // A draft restored from this device is unsaved from the start: send it without waiting for an edit.
  const initial = store.getState();
  if (initial.doc && initial.doc !== initial.savedDoc && initial.saveStatus !== 'conflict') schedule();

  return {
    flush: async () => {
      clearTimeout(persistTimer);
      persist();
      return saveNow();
    },
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(persistTimer);
      persist();
      unsubscribe();
      if (typeof window !== 'undefined') window.removeEventListener('online', online);
    },
  };
}
