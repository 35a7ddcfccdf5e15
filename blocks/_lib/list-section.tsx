// ListSection: the frame of the self-service list blocks (offers, invoices, payments, services,
// service catalogue, implementation status): a section labelled by its optional heading, the
// builder's sample note, an optional live region for the last action's answer, then the body.
import type { ReactNode } from 'react';
import type { ActionOutcome } from '../../core';
import { ActionMessage } from './data-kit';

export type ListSectionProps = {
  className: string;
  heading: string;
  headingId: string;
  /** What the builder's canvas shows above the sample (null in the portal). */
  sample?: ReactNode;
  /** The last action's answer; when given (even null) a polite live region announces it. */
  outcome?: ActionOutcome | null;
  children: ReactNode;
};

export function ListSection({ className, heading, headingId, sample = null, outcome, children }: ListSectionProps) {
  return (
    <section className={className} aria-labelledby={heading ? headingId : undefined}>
      {heading ? (
        <h2 className="pd-heading" id={headingId}>
          {heading}
        </h2>
      ) : null}
      {sample}
      {outcome !== undefined ? (
        <div aria-live="polite">
          <ActionMessage outcome={outcome} />
        </div>
      ) : null}
      {children}
    </section>
  );
}
