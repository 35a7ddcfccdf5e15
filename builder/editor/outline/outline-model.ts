// The layers tree's model, pure: the page's blocks flattened into the rows that show (collapsed
// branches left out), slot rows for blocks with several slots ("Column 1", tab labels), and the
// keyboard moves of the WAI-ARIA tree pattern.
import { findNode, type BlockNode } from '../../../core';
import { slotLabel } from '../dnd/describe';
import { slotsOf } from '../dnd/tree-order';

type RowBase = {
  key: string;
  level: number;
  parentKey: string | null;
  /** Has children to show or hide. */
  expandable: boolean;
  expanded: boolean;
  posinset: number;
  setsize: number;
};

export type OutlineRow =
  | (RowBase & { kind: 'block'; id: string; type: string })
  | (RowBase & { kind: 'slot'; parentId: string; slot: string; label: string; count: number });

/** The key of a slot row (block ids never contain a colon). */
export const slotKey = (parentId: string, slot: string) => `${parentId}::${slot}`;

export function flattenOutline(blocks: readonly BlockNode[], collapsed: ReadonlySet<string>): OutlineRow[] {
  const rows: OutlineRow[] = [];
  const visit = (list: readonly BlockNode[], level: number, parentKey: string | null) => {
    list.forEach((node, i) => {
      const slots = slotsOf(node);
      const multi = slots.length > 1;
      const expandable = multi || (slots.length === 1 && slots[0]![1].length > 0);
      const expanded = expandable && !collapsed.has(node.id);
      rows.push({ kind: 'block', key: node.id, id: node.id, type: node.type, level, parentKey, expandable, expanded, posinset: i + 1, setsize: list.length });
      if (!expanded) return;
      if (!multi) {
        visit(slots[0]![1], level + 1, node.id);
        return;
      }
      slots.forEach(([slot, children], j) => {
        const key = slotKey(node.id, slot);
        const open = children.length > 0 && !collapsed.has(key);
        rows.push({
          kind: 'slot',
          key,
          parentId: node.id,
          slot,
          label: slotLabel(node, slot) ?? slot,
          count: children.length,
          level: level + 1,
          parentKey: node.id,
          expandable: children.length > 0,
          expanded: open,
          posinset: j + 1,
          setsize: slots.length,
        });
        if (open) visit(children, level + 2, key);
      });
    });
  };
  visit(blocks, 1, null);
  return rows;
}

/**
 * `next` if it shows something different from `prev`, else `prev` itself: props edits (typing) leave
 * the rows as they were, so the list does not re-render; each row follows its own block.
 */
export function keepRows(prev: readonly OutlineRow[] | null, next: OutlineRow[]): readonly OutlineRow[] {
  if (!prev || prev.length !== next.length) return next;
  for (let i = 0; i < next.length; i++) {
    const a = prev[i]!;
    const b = next[i]!;
    if (a.key !== b.key || a.level !== b.level || a.expandable !== b.expandable || a.expanded !== b.expanded || a.posinset !== b.posinset || a.setsize !== b.setsize) return next;
    if (a.kind === 'slot' && b.kind === 'slot' && (a.label !== b.label || a.count !== b.count)) return next;
  }
  return prev;
}

export type TreeMove = { focus: string } | { expand: string } | { collapse: string };

/** What a key does in the tree (WAI-ARIA tree view pattern), or null for keys it leaves alone. */
export function treeKeyMove(key: string, rows: readonly OutlineRow[], focusedKey: string | null): TreeMove | null {
  if (rows.length === 0) return null;
  const i = Math.max(
    0,
    rows.findIndex((r) => r.key === focusedKey),
  );
  const row = rows[i]!;
  switch (key) {
    case 'ArrowDown':
      return i + 1 < rows.length ? { focus: rows[i + 1]!.key } : null;
    case 'ArrowUp':
      return i > 0 ? { focus: rows[i - 1]!.key } : null;
    case 'Home':
      return { focus: rows[0]!.key };
    case 'End':
      return { focus: rows[rows.length - 1]!.key };
    case 'ArrowRight':
      if (row.expandable && !row.expanded) return { expand: row.key };
      if (row.expanded && rows[i + 1]) return { focus: rows[i + 1]!.key };
      return null;
    case 'ArrowLeft':
      if (row.expanded) return { collapse: row.key };
      return row.parentKey ? { focus: row.parentKey } : null;
    default:
      return null;
  }
}

/** The rows to expand so a block shows: its ancestors, and the slot rows on the way. */
export function ancestorKeys(blocks: readonly BlockNode[], id: string): string[] {
  const keys: string[] = [];
  for (let found = findNode(blocks, id); found?.parentId; found = findNode(blocks, found.parentId)) {
    keys.push(found.parentId);
    if (found.slot) keys.push(slotKey(found.parentId, found.slot));
  }
  return keys;
}

/** Every key that can collapse, for "collapse all". */
export function expandableKeys(blocks: readonly BlockNode[]): string[] {
  return flattenOutline(blocks, new Set())
    .filter((r) => r.expandable)
    .map((r) => r.key);
}

const SUMMARY_PROPS = ['text', 'title', 'label', 'name', 'heading', 'html', 'caption', 'alt'];

/** A short hint of a block's content for its row ("Welcome to your portal"), or ''. */
export function summaryOf(node: BlockNode, max = 42): string {
  for (const prop of SUMMARY_PROPS) {
    const value = node.props[prop];
    if (typeof value !== 'string') continue;
    const text = value
      .replace(/<[^>]*>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (text) return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
  }
  return '';
}
