// One portal's draft in the editor: loads it (restoring unsaved edits kept on this device), runs
// autosave while the workspace is open, and resolves conflicts by reloading or overwriting.
import { useEffect, useState } from 'react';
import { migrateDocument, type PortalDocument } from '../../core';
import { validateDocument } from '../../blocks';
import { api, errorCode, errorMessage, isNetworkError } from '../api';
import { editorStore } from '../store/editor-store';
import { toast } from '../ui/toasts';
import { localDraftKey, readLocalDraft, startAutosave, type Autosave, type FailureKind } from './autosave';

let autosave: Autosave | null = null;

const storage = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);

export const classifySaveError = (err: unknown): FailureKind =>
  errorCode(err) === 'CONFLICT' ? 'conflict' : isNetworkError(err) ? 'offline' : 'rejected';

/** The signed-in admin, whose local copies of drafts this session reads and writes. */
let adminId = '';

function restoreLocal(portalId: string, server: { document: PortalDocument; revision: number }): void {
  const local = readLocalDraft(storage(), adminId, portalId);
  const store = editorStore.getState();
  if (!local || JSON.stringify(local.document) === JSON.stringify(server.document)) {
    storage()?.removeItem(localDraftKey(adminId, portalId));
    store.load(portalId, server.document, server.revision);
    return;
  }
  const checked = validateDocument(migrateDocument(local.document).document);
  if (!checked.ok) {
    // Kept in storage, never silently dropped: a later version may be able to read it.
    toast('Unsaved changes kept on this device could not be restored (they no longer fit the block library).', 'error');
    store.load(portalId, server.document, server.revision);
    return;
  }
  store.load(portalId, checked.document, server.revision, { savedDoc: server.document });
  if (local.baseRevision === server.revision) {
    toast('Restored your unsaved changes.');
  } else {
    store.setSaveState(
      'conflict',
      `You have unsaved changes on this device (from ${new Date(local.savedAt).toLocaleString()}), made on revision ${local.baseRevision}; the draft has changed since (revision ${server.revision}).`,
    );
  }
}

/** Loads the draft into the editor store and autosaves it while mounted. */
export function useDraftSession(portalId: string, admin: { id: string }): { state: 'loading' | 'ready' | 'error'; error?: string } {
  const [state, setState] = useState<{ state: 'loading' | 'ready' | 'error'; error?: string }>({ state: 'loading' });
  useEffect(() => {
    let cancelled = false;
    adminId = admin.id;
    setState({ state: 'loading' });
    api.portals.getDraft
      .query({ id: portalId })
      .then((draft) => {
        if (cancelled) return;
        restoreLocal(portalId, draft);
        autosave = startAutosave(editorStore, {
          adminId: admin.id,
          save: (input) => api.portals.saveDraft.mutate(input),
          classify: classifySaveError,
          describe: errorMessage,
          storage: storage(),
        });
        editorStore.temporal.getState().clear();
        setState({ state: 'ready' });
      })
      .catch((err: unknown) => !cancelled && setState({ state: 'error', error: errorMessage(err) }));
    const beforeUnload = (e: BeforeUnloadEvent) => {
      const s = editorStore.getState();
      // The local copy survives a reload anyway; still tell the person a save is pending.
      if (s.doc !== s.savedDoc) e.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      cancelled = true;
      window.removeEventListener('beforeunload', beforeUnload);
      autosave?.stop();
      autosave = null;
    };
  }, [portalId, admin.id]);
  return state;
}

/** Saves now; true when the draft on the server is the one being edited. */
export async function flushSave(): Promise<boolean> {
  return autosave ? autosave.flush() : false;
}

/** Conflict: discard the local edits and take the server's draft. */
export async function reloadFromServer(): Promise<void> {
  const { portalId } = editorStore.getState();
  if (!portalId) return;
  const draft = await api.portals.getDraft.query({ id: portalId });
  storage()?.removeItem(localDraftKey(adminId, portalId));
  editorStore.getState().load(portalId, draft.document, draft.revision, { pageId: editorStore.getState().pageId ?? undefined });
  editorStore.temporal.getState().clear();
}

/** Conflict: save the local edits over the server's draft, knowingly. */
export async function overwriteWithMine(): Promise<void> {
  const s = editorStore.getState();
  if (!s.portalId || !s.doc) return;
  const current = await api.portals.getDraft.query({ id: s.portalId });
  const mine = s.doc;
  const { revision } = await api.portals.saveDraft.mutate({ id: s.portalId, baseRevision: current.revision, document: mine });
  editorStore.getState().markSaved(mine, revision);
  storage()?.removeItem(localDraftKey(adminId, s.portalId));
}

/** The server's current draft, for reviewing a conflict. */
export async function fetchServerDraft(): Promise<{ document: PortalDocument; revision: number } | null> {
  const { portalId } = editorStore.getState();
  return portalId ? api.portals.getDraft.query({ id: portalId }) : null;
}
