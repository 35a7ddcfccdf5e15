// Positions and slots in words, and the sentences screen readers hear during a drag.
import { describe, expect, it } from 'vitest';
import { announce, describePosition, slotLabel } from './describe';
import { columns, heading, samplePage, section, tabs } from './test-page';

describe('slotLabel', () => {
  it('names columns and tabs, and says nothing for a single slot', () => {
    const cols = columns('c', [[], [], []]);
    expect(slotLabel(cols, 'col2')).toBe('Column 2');
    expect(slotLabel(cols, 'col2', true)).toBe('column 2');
    expect(slotLabel(tabs('t', { overview: [], details: [] }), 'details', true)).toBe('Details');
    expect(slotLabel(section('s'), 'body')).toBeNull();
    expect(slotLabel(heading('h'), 'body')).toBeNull();
  });
});

describe('describePosition', () => {
  const page = samplePage();
  it('describes the page and nested slots, counting from 1', () => {
    expect(describePosition(page, { parentId: null, slot: null, index: 2 })).toBe('the page, position 3');
    expect(describePosition(page, { parentId: 'cols', slot: 'col2', index: 0 })).toBe('Columns, column 2, position 1');
    expect(describePosition(page, { parentId: 's', slot: 'body', index: 2 })).toBe('Section, position 3');
  });
  it('says where a moved block ends up (after it leaves its place)', () => {
    const from = { parentId: null, slot: null, index: 0 };
    expect(describePosition(page, { parentId: null, slot: null, index: 4 }, from)).toBe('the page, position 4');
  });
});

describe('announce', () => {
  const page = samplePage();
  const source = { kind: 'block', id: 'x', type: 'heading', label: 'Heading' } as const;
  const from = { parentId: 'cols', slot: 'col1', index: 0 };
  it('says what was picked up and how to move it', () => {
    expect(announce.start(page, source, from, true)).toBe(
      'Picked up Heading, in Columns, column 1, position 1. Use the arrow keys to choose where it goes, Space to drop it, Escape to cancel.',
    );
    expect(announce.start(page, { kind: 'palette', type: 'card', label: 'Card' }, null, false)).toBe('Picked up a new Card block.');
  });
  it('says where the block would land, or why it cannot', () => {
    expect(announce.over(page, source, from, { kind: 'position', position: { parentId: 'cols', slot: 'col2', index: 0 } })).toBe(
      'Heading moved into Columns, column 2, position 1.',
    );
    expect(announce.over(page, source, from, { kind: 'refused', reason: 'cycle' })).toBe('Heading cannot go inside itself.');
    expect(announce.over(page, source, from, null)).toBe('Heading is not over a place it can go.');
  });
  it('confirms the drop or the cancel', () => {
    expect(announce.end(page, source, from, { kind: 'position', position: { parentId: null, slot: null, index: 0 } })).toBe('Heading dropped into the page, position 1.');
    expect(announce.end(page, { kind: 'palette', type: 'card', label: 'Card' }, null, { kind: 'position', position: { parentId: 's', slot: 'body', index: 0 } })).toBe(
      'Card added to Section, position 1.',
    );
    expect(announce.end(page, source, from, null)).toMatch(/Nothing changed/);
    expect(announce.cancel(source)).toBe('Moving Heading was cancelled. It stays where it was.');
  });
});
