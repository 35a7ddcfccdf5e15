// The page editor's keyboard shortcuts. `commandForKey` is the whole key map, pure and tested;
// `useEditorShortcuts` listens while the editor is open and stays out of the way of typing (inputs,
// text areas, selects, contenteditable), open dialogs and drags in progress.
//
// Copy and paste run in the browser's own copy / paste events rather than on the key press: those
// events carry the clipboard's data without a permission prompt, in every browser.
import { useEffect } from 'react';
import { findNode } from '../../core';
import { getBlock } from '../../blocks';
import { editorStore, redo, selectPageBlocks, undo } from '../store/editor-store';
import { toast } from '../ui/toasts';
import { duplicateBlockById, moveBlockBy, removeBlockById, selectRelative } from './canvas/commands';
import { memoryClipboard, pasteText, rememberCopied, serializeBlocks } from './clipboard';
import { isDragging } from './dnd';

export type Command =
  | 'select-previous'
  | 'select-next'
  | 'select-parent'
  | 'select-child'
  | 'remove'
  | 'copy'
  | 'paste'
  | 'duplicate'
  | 'undo'
  | 'redo'
  | 'move-up'
  | 'move-down'
  | 'clear-selection';

export type KeyInput = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** The command for a key press, or null. Ctrl and Cmd are the same modifier. */
export function commandForKey(e: KeyInput): Command | null {
  const mod = e.ctrlKey || e.metaKey;
  // With Shift held, letters arrive upper-case.
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (mod) {
    if (e.altKey) return null;
    if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (e.shiftKey) return null;
    return ({ y: 'redo', c: 'copy', v: 'paste', d: 'duplicate' } as const)[key as 'y'] ?? null;
  }
  if (e.shiftKey) return null;
  if (e.altKey) return key === 'ArrowUp' ? 'move-up' : key === 'ArrowDown' ? 'move-down' : null;
  switch (key) {
    case 'ArrowUp':
      return 'select-previous';
    case 'ArrowDown':
      return 'select-next';
    case 'ArrowLeft':
      return 'select-parent';
    case 'ArrowRight':
      return 'select-child';
    case 'Delete':
    case 'Backspace':
      return 'remove';
    case 'Escape':
      return 'clear-selection';
    default:
      return null;
  }
}

/** Whether keys pressed in this element belong to it (typing, choosing) rather than to the editor. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  // Checkboxes, radios and buttons do not take text.
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes((target as HTMLInputElement).type);
}

const dialogOpen = () => document.querySelector('dialog[open]') !== null;
const hasTextSelection = () => {
  const sel = window.getSelection();
  return !!sel && !sel.isCollapsed && sel.toString().trim() !== '';
};

const selectedNode = () => {
  const s = editorStore.getState();
  return s.selectedId ? findNode(selectPageBlocks(s), s.selectedId)?.node : undefined;
};

/** Runs a command; true when it applied (the key press is then consumed). */
export function runCommand(command: Command): boolean {
  const s = editorStore.getState();
  const id = s.selectedId;
  switch (command) {
    case 'select-previous':
      return selectRelative('previous');
    case 'select-next':
      return selectRelative('next');
    case 'select-parent':
      return selectRelative('parent');
    case 'select-child':
      return selectRelative('child');
    case 'remove':
      return id ? removeBlockById(id) : false;
    case 'duplicate':
      return id ? duplicateBlockById(id) : false;
    case 'move-up':
      return id ? (moveBlockBy(id, -1), true) : false;
    case 'move-down':
      return id ? (moveBlockBy(id, 1), true) : false;
    case 'undo':
    case 'redo': {
      (command === 'undo' ? undo : redo)();
      // The selected block may not exist in the restored document.
      const after = editorStore.getState();
      if (after.selectedId && !after.index.has(after.selectedId)) after.select(null);
      return true;
    }
    case 'clear-selection':
      if (!id) return false;
      s.select(null);
      return true;
    case 'copy':
    case 'paste':
      // Handled by the copy and paste events (see the hook).
      return false;
  }
}

/** Installs the editor's shortcuts on the document while the calling component is mounted. */
export function useEditorShortcuts(): void {
  useEffect(() => {
    const ignore = (target: EventTarget | null) => isDragging() || isTypingTarget(target) || dialogOpen();
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || ignore(e.target)) return;
      const command = commandForKey(e);
      if (!command) return;
      // Ctrl+D would bookmark the page and Ctrl+Z/Y have no other use here: always ours.
      if (runCommand(command) || command === 'duplicate' || command === 'undo' || command === 'redo') e.preventDefault();
    };
    const onCopy = (e: ClipboardEvent) => {
      if (ignore(e.target) || hasTextSelection()) return;
      const node = selectedNode();
      if (!node) return;
      const text = serializeBlocks([node]);
      rememberCopied(text);
      e.clipboardData?.setData('text/plain', text);
      e.preventDefault();
      toast(`Copied ${getBlock(node.type)?.label ?? 'block'}.`);
    };
    const onPaste = (e: ClipboardEvent) => {
      if (ignore(e.target)) return;
      const text = e.clipboardData?.getData('text/plain') || memoryClipboard() || '';
      e.preventDefault();
      pasteText(text);
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, []);
}
