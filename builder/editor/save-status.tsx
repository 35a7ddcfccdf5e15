// The save indicator (saved, saving, unsaved, offline, conflict, error) for the workspace's top bar,
// with the conflict dialog and the toasts for refused edits. Always mounted while a draft is open.
import { AlertTriangle, Check, CloudOff, Loader2, Pencil } from 'lucide-react';
import { useEffect } from 'react';
import { editorStore, useEditor, type SaveStatus as Status } from '../store/editor-store';
import { toast } from '../ui/toasts';
import { ConflictDialog } from './conflict-dialog';
import './editor.css';

const LABELS: Record<Status, string> = {
  saved: 'All changes saved',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
  // Short labels keep the top bar on one line; the title and the dialogs carry the details.
  offline: 'Offline',
  conflict: 'Conflict',
  error: 'Not saved',
};

export function SaveStatus() {
  const status = useEditor((s) => s.saveStatus);
  const message = useEditor((s) => s.saveMessage);
  const lastError = useEditor((s) => s.lastError);
  useEffect(() => {
    if (!lastError) return;
    toast(lastError, 'error');
    editorStore.getState().clearError();
  }, [lastError]);
  const Icon = status === 'saved' ? Check : status === 'saving' ? Loader2 : status === 'offline' ? CloudOff : status === 'unsaved' ? Pencil : AlertTriangle;
  return (
    <>
      <span className={`save-status save-status--${status}`} role="status" aria-live="polite" title={message ?? LABELS[status]} data-status={status}>
        <Icon aria-hidden="true" className={status === 'saving' ? 'spin' : undefined} />
        <span>{LABELS[status]}</span>
      </span>
      <ConflictDialog open={status === 'conflict'} message={message} />
      {status === 'error' && message ? (
        <span className="visually-hidden" role="alert">
          {message}
        </span>
      ) : null}
    </>
  );
}
