// A dialog that asks before a destructive step (archive, delete, revoke): Cancel has the focus, the
// confirm button shows progress, and the server's refusal is shown in the dialog as it is worded.
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../api';
import { Dialog } from './dialog';

type Props = {
  open: boolean;
  title: string;
  /** "Delete type"; while running, `busyLabel` ("Deleting…"). */
  confirmLabel: string;
  busyLabel: string;
  onClose: () => void;
  /** Does the work; a rejection keeps the dialog open with its message. */
  onConfirm: () => Promise<void>;
  children: ReactNode;
};

export function ConfirmDialog({ open, title, confirmLabel, busyLabel, onClose, onConfirm, children }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setError(null);
    onClose();
  };
  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={open}
      title={title}
      onClose={close}
      actions={
        <>
          <button type="button" className="btn" onClick={close} autoFocus>
            Cancel
          </button>
          <button type="button" className="btn btn--danger" onClick={() => void confirm()} disabled={busy}>
            {busy ? busyLabel : confirmLabel}
          </button>
        </>
      }
    >
      <div className="sh-prose">
        {children}
        {error ? (
          <p className="sh-callout sh-callout--danger" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </Dialog>
  );
}
