// A side panel on the native <dialog> element (modal: focus stays inside, Escape closes it): the
// record form opens here so the table stays in view beside it.
import { X } from 'lucide-react';
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function Drawer({
  eyebrow,
  title,
  subtitle,
  onClose,
  children,
  footer,
  busy,
}: {
  /** A small line above the title: what kind of thing the panel shows. */
  eyebrow?: string;
  title: ReactNode;
  subtitle?: ReactNode;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  busy?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const pressedOutside = useRef(false);
  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dt-drawer"
      aria-labelledby={titleId}
      aria-busy={busy || undefined}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onMouseDown={(e) => {
        pressedOutside.current = e.target === e.currentTarget;
      }}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside the panel) closes it; not a
        // text selection that started in the panel and ended outside.
        if (e.target === e.currentTarget && pressedOutside.current) onClose();
      }}
    >
      <div className="dt-drawer__panel">
        <header className="dt-drawer__head">
          <div className="dt-drawer__titles">
            {eyebrow ? <div className="dt-drawer__eyebrow">{eyebrow}</div> : null}
            <h2 id={titleId} className="dt-drawer__title">
              {title}
            </h2>
            {subtitle ? <div className="dt-drawer__subtitle">{subtitle}</div> : null}
          </div>
          <button type="button" className="btn btn--ghost btn--icon" onClick={onClose} aria-label="Close">
            <X aria-hidden="true" />
          </button>
        </header>
        <div className="dt-drawer__body">{children}</div>
        {footer ? <footer className="dt-drawer__foot">{footer}</footer> : null}
      </div>
    </dialog>
  );
}
