// The layers tree: visible rows, slot rows, collapsing, the ARIA tree keys, summaries.
import { describe, expect, it } from 'vitest';
import { ancestorKeys, expandableKeys, flattenOutline, keepRows, slotKey, summaryOf, treeKeyMove } from './outline-model';
import { heading, samplePage } from '../dnd/test-page';

const keys = (collapsed: string[] = []) => flattenOutline(samplePage(), new Set(collapsed)).map((r) => `${'·'.repeat(r.level - 1)}${r.key}`);

describe('flattenOutline', () => {
  it('shows blocks by level, with slot rows only for blocks with several slots', () => {
    expect(keys()).toEqual(['a', 's', '·b', '·c', 'cols', '·cols::col1', '··x', '·cols::col2', 'd']);
  });
  it('marks rows for the tree: level, position in set, expandable and expanded', () => {
    const rows = flattenOutline(samplePage(), new Set());
    expect(rows.find((r) => r.key === 'c')).toMatchObject({ level: 2, posinset: 2, setsize: 2, expandable: false, parentKey: 's' });
    expect(rows.find((r) => r.key === 'cols::col1')).toMatchObject({ kind: 'slot', label: 'Column 1', expandable: true, expanded: true, count: 1 });
    expect(rows.find((r) => r.key === 'cols::col2')).toMatchObject({ expandable: false, count: 0 });
    expect(rows.find((r) => r.key === 'a')).toMatchObject({ expandable: false });
  });
  it('hides collapsed branches', () => {
    expect(keys(['s', slotKey('cols', 'col1')])).toEqual(['a', 's', 'cols', '·cols::col1', '·cols::col2', 'd']);
    expect(expandableKeys(samplePage())).toEqual(['s', 'cols', 'cols::col1']);
  });
});

describe('keepRows', () => {
  it('keeps the previous rows when only props changed, and takes new ones when the tree changed', () => {
    const page = samplePage();
    const before = flattenOutline(page, new Set());
    const typed = flattenOutline([{ ...page[0]!, props: { text: 'typed' } }, ...page.slice(1)], new Set());
    expect(keepRows(before, typed)).toBe(before);
    const moved = flattenOutline([...page.slice(1), page[0]!], new Set());
    expect(keepRows(before, moved)).toBe(moved);
    const collapsed = flattenOutline(page, new Set(['s']));
    expect(keepRows(before, collapsed)).toBe(collapsed);
    expect(keepRows(null, before)).toBe(before);
  });
});

describe('treeKeyMove', () => {
  const rows = flattenOutline(samplePage(), new Set());
  it('moves up and down, home and end', () => {
    expect(treeKeyMove('ArrowDown', rows, 'a')).toEqual({ focus: 's' });
    expect(treeKeyMove('ArrowUp', rows, 'a')).toBeNull();
    expect(treeKeyMove('Home', rows, 'x')).toEqual({ focus: 'a' });
    expect(treeKeyMove('End', rows, 'x')).toEqual({ focus: 'd' });
  });
  it('opens, enters, closes and leaves branches', () => {
    expect(treeKeyMove('ArrowRight', rows, 's')).toEqual({ focus: 'b' });
    expect(treeKeyMove('ArrowLeft', rows, 's')).toEqual({ collapse: 's' });
    expect(treeKeyMove('ArrowLeft', rows, 'x')).toEqual({ focus: 'cols::col1' });
    expect(treeKeyMove('ArrowRight', rows, 'x')).toBeNull();
    const closed = flattenOutline(samplePage(), new Set(['s']));
    expect(treeKeyMove('ArrowRight', closed, 's')).toEqual({ expand: 's' });
    expect(treeKeyMove('ArrowLeft', closed, 's')).toBeNull();
    expect(treeKeyMove('x', rows, 's')).toBeNull();
  });
});

describe('ancestorKeys and summaryOf', () => {
  it('lists what to open for a block to show', () => {
    expect(ancestorKeys(samplePage(), 'x')).toEqual(['cols', 'cols::col1']);
    expect(ancestorKeys(samplePage(), 'c')).toEqual(['s', 's::body']);
    expect(ancestorKeys(samplePage(), 'a')).toEqual([]);
  });
  it('summarises a block by its text, without markup, shortened', () => {
    expect(summaryOf(heading('h', 'Welcome'))).toBe('Welcome');
    expect(summaryOf({ id: 'r', type: 'rich-text', props: { html: '<p>Hello <b>there</b></p>' } })).toBe('Hello there');
    expect(summaryOf(heading('h', 'x'.repeat(80)), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(summaryOf({ id: 'g', type: 'grid', props: {} })).toBe('');
  });
});
