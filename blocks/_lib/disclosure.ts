// Disclosure hooks for the self-service blocks: a button that opens an inline form or confirmation,
// with the keyboard focus following the user's own toggles (never on first render, never after a
// successful submit that closes it quietly).
import { useEffect, useRef, useState, type RefObject } from 'react';

type Focusable = { focus: () => void };

/** Where the focus goes after a toggle: nowhere unless the user moved it, else the target when open, the trigger when closed. */
export function focusAfterToggle(moved: boolean, open: boolean, target: RefObject<Focusable | null>, trigger: RefObject<Focusable | null>): void {
  if (!moved) return;
  (open ? target : trigger).current?.focus();
}

export type Disclosure<T extends HTMLElement> = {
  open: boolean;
  /** The user opens (true) or closes (false): the focus moves to the target or back to the trigger. */
  toggle: (on: boolean) => void;
  /** Closes without moving the focus (after a successful submit). */
  settle: () => void;
  triggerRef: RefObject<HTMLButtonElement | null>;
  targetRef: RefObject<T | null>;
};

/** Open/closed state whose toggles move the focus between the trigger and the target. */
export function useDisclosure<T extends HTMLElement>(): Disclosure<T> {
  const [open, setOpen] = useState(false);
  const targetRef = useRef<T>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    focusAfterToggle(moved.current, open, targetRef, triggerRef);
  }, [open]);
  const toggle = (on: boolean) => {
    moved.current = true;
    setOpen(on);
  };
  const settle = () => {
    moved.current = false;
    setOpen(false);
  };
  return { open, toggle, settle, triggerRef, targetRef };
}

export type FormToggle = {
  open: boolean;
  show: () => void;
  /** Closes the form and puts the focus back on the button that opened it. */
  close: () => void;
  toggleRef: RefObject<HTMLButtonElement | null>;
};

/** A form opened by a button (the form focuses itself); closing it puts the focus back on that button. */
export function useFormToggle(): FormToggle {
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const closing = useRef(false);
  useEffect(() => {
    if (!open && closing.current) toggleRef.current?.focus();
    closing.current = false;
  }, [open]);
  const show = () => setOpen(true);
  const close = () => {
    closing.current = true;
    setOpen(false);
  };
  return { open, show, close, toggleRef };
}
