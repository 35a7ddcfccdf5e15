// Keys pressed on a control inside the inspector or the pages panel belong to that control. The
// editor's shortcuts listen on the document and treat Delete and the arrows as block commands
// unless the target takes text, so a Delete on a focused "Remove link" button would otherwise also
// delete the selected block. Modified keys (Ctrl+Z, Ctrl+D…) still reach the editor.
import type { KeyboardEvent } from 'react';

const PANEL_KEYS = new Set(['Delete', 'Backspace', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

export function keepPanelKeys(e: KeyboardEvent<HTMLElement>): void {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  if (PANEL_KEYS.has(e.key)) e.stopPropagation();
}
