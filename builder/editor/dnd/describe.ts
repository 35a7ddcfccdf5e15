// Drop positions and slots in words: "Columns, column 2, position 1". Used by the screen-reader
// announcements of drag and drop and by the layers tree's slot rows. Pure.
import { findNode, type BlockNode } from '../../../core';
import { getBlock } from '../../../blocks';
import { toTreeLocation, type DragSource, type DropPosition, type DropTarget, type Origin } from './drop-position';
import { slotNamesFor } from './tree-order';

export const blockLabel = (type: string) => getBlock(type)?.label ?? type;

const humanize = (name: string) => name.replace(/[-_]+/g, ' ').replace(/([a-z])([A-Z0-9])/g, '$1 $2').toLowerCase();

/**
 * A name for one slot of a block, or null when the block has a single slot (its name would add
 * nothing). Columns say "Column 2", tabs their tab's label. `sentence` lower-cases generated names
 * for use inside a sentence; labels the admin typed (tab labels) stay as written.
 */
export function slotLabel(parent: BlockNode, slot: string, sentence = false): string | null {
  const names = slotNamesFor(parent);
  if (names.length <= 1 && (names.length === 0 || names[0] === slot)) return null;
  const cap = (s: string) => (sentence ? s : s.charAt(0).toUpperCase() + s.slice(1));
  if (parent.type === 'columns') {
    const n = /^col(\d+)$/.exec(slot)?.[1];
    if (n) return cap(`column ${n}`);
  }
  if (parent.type === 'tabs' && Array.isArray(parent.props.tabs)) {
    const tab = (parent.props.tabs as unknown[]).find((t): t is { id: string; label: string } => typeof t === 'object' && t !== null && (t as { id?: unknown }).id === slot);
    if (tab && typeof tab.label === 'string' && tab.label.trim()) return tab.label;
  }
  return cap(humanize(slot));
}

/** "the page, position 3" or "Columns, column 2, position 1"; the position is where the block ends up. */
export function describePosition(blocks: readonly BlockNode[], pos: DropPosition, from?: Origin | null): string {
  const n = toTreeLocation(pos, from).index + 1;
  if (pos.parentId === null) return `the page, position ${n}`;
  const parent = findNode(blocks, pos.parentId)?.node;
  if (!parent) return `position ${n}`;
  const slot = pos.slot === null ? null : slotLabel(parent, pos.slot, true);
  return `${blockLabel(parent.type)}${slot ? `, ${slot}` : ''}, position ${n}`;
}

const what = (source: DragSource) => (source.kind === 'palette' ? `New ${source.label} block` : source.label);

/** What the announcements say, given the page, the dragged thing, where it was and where it is over. */
export const announce = {
  start(blocks: readonly BlockNode[], source: DragSource, from: Origin | null, keyboard: boolean): string {
    const keys = keyboard ? ' Use the arrow keys to choose where it goes, Space to drop it, Escape to cancel.' : '';
    if (source.kind === 'palette' || !from) return `Picked up a new ${source.label} block.${keys}`;
    return `Picked up ${source.label}, in ${describePosition(blocks, { ...from }, from)}.${keys}`;
  },
  over(blocks: readonly BlockNode[], source: DragSource, from: Origin | null, target: DropTarget | null): string {
    if (!target) return `${what(source)} is not over a place it can go.`;
    if (target.kind === 'refused') return `${source.label} cannot go inside itself.`;
    return `${what(source)} moved into ${describePosition(blocks, target.position, from)}.`;
  },
  end(blocks: readonly BlockNode[], source: DragSource, from: Origin | null, target: DropTarget | null): string {
    if (!target) return `${what(source)} was dropped outside the page. Nothing changed.`;
    if (target.kind === 'refused') return `${source.label} cannot go inside itself. Nothing changed.`;
    const where = describePosition(blocks, target.position, from);
    return source.kind === 'palette' ? `${source.label} added to ${where}.` : `${source.label} dropped into ${where}.`;
  },
  cancel(source: DragSource): string {
    return source.kind === 'palette' ? `Adding ${source.label} was cancelled.` : `Moving ${source.label} was cancelled. It stays where it was.`;
  },
};
