// A dialog that asks before a step (archive, delete, revoke, disable, send, save roles): Cancel has
// the focus, the confirm button shows progress, and the server's refusal is shown in the dialog as
// it is worded. Destructive steps use the danger tone.
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
  /** 'danger' (default) for steps that take something away; 'primary' for the others. */
  tone?: 'danger' | 'primary';
  /** Nothing to confirm yet (e.g. no change made). */
  disabled?: boolean;
  /** The body is a small form (controls) rather than prose. */
  form?: boolean;
  children: ReactNode;
};

export function ConfirmDialog({ open, title, confirmLabel, busyLabel, onClose, onConfirm, tone = 'danger', disabled = false, form = false, children }: Props) {
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
          <button type="button" className={`btn btn--${tone}`} onClick={() => void confirm()} disabled={busy || disabled}>
            {busy ? busyLabel : confirmLabel}
          </button>
        </>
      }
    >
      <div className={form ? 'sh-form' : 'sh-prose'}>
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
