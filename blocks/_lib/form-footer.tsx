// FormFooter: the end of a self-service block's small form (cases, payment methods, team,
// notification preferences): a live region with the action's answer, then the submit button
// (its label swapped while the action runs) and, when the form can be closed, Cancel.
import type { ActionState } from './use-action';
import { ActionMessage } from './data-kit';

export type FormFooterProps = {
  action: Pick<ActionState, 'outcome' | 'pending'>;
  label: string;
  /** The submit button's label while the action runs ('Sending…', 'Saving…'). */
  busyLabel: string;
  /** When given, a Cancel button that calls it. */
  onCancel?: () => void;
};

export function FormFooter({ action, label, busyLabel, onCancel }: FormFooterProps) {
  return (
    <>
      <div aria-live="polite">
        <ActionMessage outcome={action.outcome} />
      </div>
      <div className="pd-actions">
        <button type="submit" className="pb-btn pb-btn--primary" disabled={action.pending}>
          {action.pending ? busyLabel : label}
        </button>
        {onCancel ? (
          <button type="button" className="pb-btn pb-btn--secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </>
  );
}
