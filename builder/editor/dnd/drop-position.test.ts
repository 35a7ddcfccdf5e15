// Drop positions: after-removal indexing, the keyboard's list in reading order, pointer geometry,
// insertion lines and the layers rows. Every listed position must be a move moveNode accepts.
import { describe, expect, it } from 'vitest';
import { findNode, moveNode } from '../../../core';
import {
  anchorOf,
  axisOfLayout,
  cursorOf,
  edgeOf,
  isInsideMoving,
  isNoOpMove,
  lineGeometry,
  listDropPositions,
  nearEdge,
  outlinePosition,
  readingOrderIndex,
  sameTarget,
  stepCursor,
  toTreeLocation,
  type DropPosition,
  type Rect,
} from './drop-position';
import { samplePage } from './test-page';

const rect = (left: number, top: number, width: number, height: number): Rect => ({ left, top, width, height, right: left + width, bottom: top + height });
const pos = (parentId: string | null, slot: string | null, index: number): DropPosition => ({ parentId, slot, index });

describe('toTreeLocation', () => {
  it('keeps the index for inserts and moves into another list', () => {
    expect(toTreeLocation(pos(null, null, 2))).toEqual({ parentId: null, index: 2 });
    expect(toTreeLocation(pos('s', 'body', 1), { parentId: null, slot: null, index: 0 })).toEqual({ parentId: 's', slot: 'body', index: 1 });
  });
  it('counts after removal when moving down within the same list', () => {
    // a is at 0; the gap before d (index 3) is index 2 once a has left.
    expect(toTreeLocation(pos(null, null, 3), { parentId: null, slot: null, index: 0 })).toEqual({ parentId: null, index: 2 });
    expect(toTreeLocation(pos(null, null, 0), { parentId: null, slot: null, index: 3 })).toEqual({ parentId: null, index: 0 });
    expect(toTreeLocation(pos('s', 'body', 2), { parentId: 's', slot: 'body', index: 0 })).toEqual({ parentId: 's', slot: 'body', index: 1 });
  });
});

describe('isNoOpMove and isInsideMoving', () => {
  it('treats the gaps on both sides of a block as its own place', () => {
    const from = { parentId: 's', slot: 'body', index: 1 };
    expect(isNoOpMove(pos('s', 'body', 1), from)).toBe(true);
    expect(isNoOpMove(pos('s', 'body', 2), from)).toBe(true);
    expect(isNoOpMove(pos('s', 'body', 0), from)).toBe(false);
    expect(isNoOpMove(pos(null, null, 1), from)).toBe(false);
  });
  it('refuses the block itself and its descendants as parents', () => {
    const page = samplePage();
    expect(isInsideMoving(page, 's', pos('s', 'body', 0))).toBe(true);
    expect(isInsideMoving(page, 'cols', pos('cols', 'col2', 0))).toBe(true);
    expect(isInsideMoving(page, 'b', pos('s', 'body', 0))).toBe(false);
    expect(isInsideMoving(page, 's', pos(null, null, 0))).toBe(false);
  });
});

describe('listDropPositions', () => {
  it('lists every gap in reading order, slots in declared order, one position per empty slot', () => {
    expect(listDropPositions(samplePage())).toEqual([
      pos(null, null, 0),
      pos(null, null, 1),
      pos('s', 'body', 0),
      pos('s', 'body', 1),
      pos('s', 'body', 2),
      pos(null, null, 2),
      pos('cols', 'col1', 0),
      pos('cols', 'col1', 1),
      pos('cols', 'col2', 0),
      pos(null, null, 3),
      pos(null, null, 4),
    ]);
  });
  it('leaves out the moving block’s subtree and the duplicate gap after it', () => {
    const list = listDropPositions(samplePage(), 's');
    expect(list.some((p) => p.parentId === 's')).toBe(false);
    expect(list.filter((p) => p.parentId === null).map((p) => p.index)).toEqual([0, 1, 3, 4]);
    const inSection = listDropPositions(samplePage(), 'c');
    expect(inSection.filter((p) => p.parentId === 's').map((p) => p.index)).toEqual([0, 1]);
  });
  it('has one position on an empty page', () => {
    expect(listDropPositions([])).toEqual([pos(null, null, 0)]);
  });
  it('gives only positions moveNode accepts, each a distinct place', () => {
    const page = samplePage();
    for (const id of ['a', 's', 'c', 'cols', 'x', 'd']) {
      const found = findNode(page, id)!;
      const from = { parentId: found.parentId, slot: found.slot, index: found.index };
      const results = listDropPositions(page, id).map((p) => {
        const out = moveNode(page, id, toTreeLocation(p, from));
        const at = findNode(out, id)!;
        return `${at.parentId}/${at.slot}/${at.index}`;
      });
      expect(new Set(results).size).toBe(results.length);
    }
  });
});

describe('keyboard cursor', () => {
  it('starts at the block’s own place, or the gap just before a skipped one', () => {
    const list = listDropPositions(samplePage(), 'c');
    expect(list[cursorOf(list, pos('s', 'body', 1))]).toEqual(pos('s', 'body', 1));
    expect(list[cursorOf(list, pos('s', 'body', 2))]).toEqual(pos('s', 'body', 1));
  });
  it('steps within bounds', () => {
    expect(stepCursor(0, -1, 5)).toBe(0);
    expect(stepCursor(4, 1, 5)).toBe(4);
    expect(stepCursor(2, 1, 5)).toBe(3);
    expect(stepCursor(0, 1, 0)).toBe(0);
  });
});

describe('pointer geometry', () => {
  it('counts boxes before a point in a stacked list', () => {
    const rows = [rect(0, 0, 100, 50), rect(0, 60, 100, 50), rect(0, 120, 100, 50)];
    expect(readingOrderIndex(rows, 50, -5)).toBe(0);
    expect(readingOrderIndex(rows, 50, 55)).toBe(1);
    expect(readingOrderIndex(rows, 50, 200)).toBe(3);
  });
  it('counts in reading order in a wrapping grid', () => {
    // Two rows of two cells.
    const cells = [rect(0, 0, 100, 100), rect(110, 0, 100, 100), rect(0, 110, 100, 100), rect(110, 110, 100, 100)];
    expect(readingOrderIndex(cells, 105, 50)).toBe(1); // between the cells of row 1
    expect(readingOrderIndex(cells, 215, 50)).toBe(2); // right of row 1
    expect(readingOrderIndex(cells, 20, 150)).toBe(2); // left half of the first cell of row 2
    expect(readingOrderIndex(cells, 80, 150)).toBe(3);
  });
  it('reads the axis from the layout', () => {
    expect(axisOfLayout('block', 'row', 'none')).toBe('y');
    expect(axisOfLayout('flex', 'column', 'none')).toBe('y');
    expect(axisOfLayout('flex', 'row', 'none')).toBe('x');
    expect(axisOfLayout('grid', 'row', '240px 240px 240px')).toBe('x');
    expect(axisOfLayout('grid', 'row', '390px')).toBe('y');
  });
  it('splits a box in halves along the axis', () => {
    const r = rect(0, 0, 200, 100);
    expect(edgeOf(r, 150, 10, 'y')).toBe('before');
    expect(edgeOf(r, 10, 90, 'y')).toBe('after');
    expect(edgeOf(r, 10, 90, 'x')).toBe('before');
    expect(edgeOf(r, 150, 10, 'x')).toBe('after');
  });
});

describe('nearEdge', () => {
  it('finds the rim of a box along the axis, narrower on small boxes', () => {
    const r = rect(0, 0, 400, 200);
    expect(nearEdge(r, 200, 4, 'y')).toBe('before');
    expect(nearEdge(r, 200, 195, 'y')).toBe('after');
    expect(nearEdge(r, 200, 100, 'y')).toBeNull();
    expect(nearEdge(r, 395, 100, 'x')).toBe('after');
    expect(nearEdge(rect(0, 0, 100, 20), 50, 6, 'y')).toBeNull();
    expect(nearEdge(rect(0, 0, 100, 20), 50, 4, 'y')).toBe('before');
  });
});

describe('lineGeometry', () => {
  it('puts a horizontal line halfway between stacked siblings, or just above the first', () => {
    expect(lineGeometry('y', 'before', rect(10, 100, 300, 40), rect(10, 40, 300, 40))).toEqual({ orientation: 'horizontal', x: 10, y: 90, length: 300 });
    expect(lineGeometry('y', 'before', rect(10, 100, 300, 40), null).y).toBe(98);
    expect(lineGeometry('y', 'after', rect(10, 100, 300, 40)).y).toBe(142);
  });
  it('puts a vertical line between cells of one row, and left of a row’s first cell', () => {
    expect(lineGeometry('x', 'before', rect(120, 0, 100, 80), rect(0, 0, 100, 80))).toEqual({ orientation: 'vertical', x: 110, y: 0, length: 80 });
    expect(lineGeometry('x', 'before', rect(0, 100, 100, 80), rect(120, 0, 100, 80)).x).toBe(-4);
    expect(lineGeometry('x', 'after', rect(0, 0, 100, 80)).x).toBe(104);
  });
});

describe('anchorOf', () => {
  it('hangs the line on the next sibling, the last one, or the empty list', () => {
    expect(anchorOf([], 0)).toEqual({ kind: 'empty' });
    expect(anchorOf(['a', 'b'], 0)).toEqual({ kind: 'before', id: 'a', prevId: null });
    expect(anchorOf(['a', 'b'], 1)).toEqual({ kind: 'before', id: 'b', prevId: 'a' });
    expect(anchorOf(['a', 'b'], 2)).toEqual({ kind: 'after', id: 'b' });
  });
});

describe('outlinePosition', () => {
  const at = { parentId: 's', slot: 'body', index: 1 };
  it('drops before or after a leaf by halves', () => {
    const leaf = { kind: 'block', id: 'c', at, firstSlot: null, firstSlotLength: 0, open: false } as const;
    expect(outlinePosition(leaf, 0.2)).toEqual(pos('s', 'body', 1));
    expect(outlinePosition(leaf, 0.8)).toEqual(pos('s', 'body', 2));
  });
  it('drops into a container from the middle, and before its first child from the bottom when open', () => {
    const box = { kind: 'block', id: 'inner', at, firstSlot: 'body', firstSlotLength: 3, open: true } as const;
    expect(outlinePosition(box, 0.1)).toEqual(pos('s', 'body', 1));
    expect(outlinePosition(box, 0.5)).toEqual(pos('inner', 'body', 3));
    expect(outlinePosition(box, 0.9)).toEqual(pos('inner', 'body', 0));
    expect(outlinePosition({ ...box, open: false }, 0.9)).toEqual(pos('s', 'body', 2));
  });
  it('drops into a slot row at its start or end', () => {
    const row = { kind: 'slot', parentId: 'cols', slot: 'col2', length: 2 } as const;
    expect(outlinePosition(row, 0.3)).toEqual(pos('cols', 'col2', 0));
    expect(outlinePosition(row, 0.7)).toEqual(pos('cols', 'col2', 2));
  });
});

describe('sameTarget', () => {
  it('compares targets by place', () => {
    expect(sameTarget(null, null)).toBe(true);
    expect(sameTarget({ kind: 'position', position: pos(null, null, 1) }, { kind: 'position', position: pos(null, null, 1) })).toBe(true);
    expect(sameTarget({ kind: 'position', position: pos(null, null, 1) }, { kind: 'position', position: pos(null, null, 2) })).toBe(false);
    expect(sameTarget({ kind: 'refused', reason: 'cycle' }, { kind: 'refused', reason: 'cycle' })).toBe(true);
    expect(sameTarget({ kind: 'refused', reason: 'cycle' }, null)).toBe(false);
  });
});
