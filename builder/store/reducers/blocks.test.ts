import { describe, expect, it } from 'vitest';
import { h, ids, sampleDoc } from '../test-fixtures';
import { duplicateBlock, insertBlock, moveBlock, pasteBlocks, removeBlock, setBlockVisibility, updateBlockProps } from './blocks';

const home = (d: ReturnType<typeof sampleDoc>) => d.pages[0]!.blocks;

describe('block reducers', () => {
  it('insertBlock puts a node at a location and leaves other pages alone', () => {
    const doc = sampleDoc();
    const next = insertBlock(doc, { type: 'insertBlock', pageId: 'home', node: h('n'), at: { parentId: 's', slot: 'body', index: 1 } });
    expect(ids(home(next)[1]!.slots!.body!)).toEqual(['b', 'n', 'c']);
    expect(next.pages[1]).toBe(doc.pages[1]);
    expect(home(doc)[1]!.slots!.body).toHaveLength(2);
  });

  it('insertBlock refuses a duplicate id', () => {
    expect(() => insertBlock(sampleDoc(), { type: 'insertBlock', pageId: 'home', node: h('a'), at: { parentId: null, index: 0 } })).toThrow(/a/);
  });

  it('moveBlock moves between slots and refuses cycles', () => {
    const doc = sampleDoc();
    const next = moveBlock(doc, { type: 'moveBlock', pageId: 'home', id: 'a', to: { parentId: 's', slot: 'body', index: 2 } });
    expect(ids(home(next))).toEqual(['s', 'd']);
    expect(ids(home(next)[0]!.slots!.body!)).toEqual(['b', 'c', 'a']);
    expect(() => moveBlock(doc, { type: 'moveBlock', pageId: 'home', id: 's', to: { parentId: 's', slot: 'body', index: 0 } })).toThrow();
  });

  it('removeBlock removes a subtree', () => {
    const next = removeBlock(sampleDoc(), { type: 'removeBlock', pageId: 'home', id: 's' });
    expect(ids(home(next))).toEqual(['a', 'd']);
  });

  it('duplicateBlock copies a subtree after the original, with the requested root id and fresh child ids', () => {
    const next = duplicateBlock(sampleDoc(), { type: 'duplicateBlock', pageId: 'home', id: 's', newRootId: 's2' });
    expect(ids(home(next))).toEqual(['a', 's', 's2', 'd']);
    const copy = home(next)[2]!.slots!.body!;
    expect(copy).toHaveLength(2);
    expect(ids(copy)).not.toContain('b');
  });

  it('updateProps merges a patch and changes only the spine', () => {
    const doc = sampleDoc();
    const next = updateBlockProps(doc, { type: 'updateProps', pageId: 'home', id: 'b', patch: { text: 'New' } });
    expect(home(next)[1]!.slots!.body![0]!.props.text).toBe('New');
    expect(home(next)[0]).toBe(home(doc)[0]);
    expect(home(next)[1]!.slots!.body![1]).toBe(home(doc)[1]!.slots!.body![1]);
  });

  it('updateProps with an unchanged value returns the same document (no undo step)', () => {
    const doc = sampleDoc();
    expect(updateBlockProps(doc, { type: 'updateProps', pageId: 'home', id: 'a', patch: { text: 'a' } })).toBe(doc);
  });

  it('setVisibility sets and clears', () => {
    const doc = sampleDoc();
    const set = setBlockVisibility(doc, { type: 'setVisibility', pageId: 'home', id: 'a', visibility: { audience: 'signed-in' } });
    expect(home(set)[0]!.visibility).toEqual({ audience: 'signed-in' });
    const cleared = setBlockVisibility(set, { type: 'setVisibility', pageId: 'home', id: 'a', visibility: undefined });
    expect(home(cleared)[0]!.visibility).toBeUndefined();
  });

  it('pasteBlocks inserts copies with fresh ids, in order, even when pasted twice', () => {
    const doc = sampleDoc();
    const once = pasteBlocks(doc, { type: 'pasteBlocks', pageId: 'help', nodes: [h('a'), h('d')], at: { parentId: null, index: 1 } });
    const twice = pasteBlocks(once, { type: 'pasteBlocks', pageId: 'help', nodes: [h('a'), h('d')], at: { parentId: null, index: 1 } });
    const help = twice.pages[1]!.blocks;
    expect(help).toHaveLength(5);
    expect(new Set(ids(help)).size).toBe(5);
    expect(help.slice(1, 3).map((n) => n.props.text)).toEqual(['a', 'd']);
  });

  it('updateProps drops a slot the new props no longer name when it is empty, and refuses while it holds blocks', () => {
    const doc = sampleDoc();
    const cols = { id: 'cols', type: 'columns', props: { count: 3 }, slots: { col1: [h('k1')], col2: [], col3: [] } };
    const withCols = insertBlock(doc, { type: 'insertBlock', pageId: 'help', node: cols, at: { parentId: null, index: 0 } });
    const two = updateBlockProps(withCols, { type: 'updateProps', pageId: 'help', id: 'cols', patch: { count: 2 } });
    expect(Object.keys(two.pages[1]!.blocks[0]!.slots!)).toEqual(['col1', 'col2']);
    const blocked = { ...cols, id: 'cols2', slots: { col1: [], col2: [], col3: [h('k3')] } };
    const withBlocked = insertBlock(doc, { type: 'insertBlock', pageId: 'help', node: blocked, at: { parentId: null, index: 0 } });
    expect(() => updateBlockProps(withBlocked, { type: 'updateProps', pageId: 'help', id: 'cols2', patch: { count: 2 } })).toThrow(/col3/);
  });

  it('refuses an unknown page', () => {
    expect(() => removeBlock(sampleDoc(), { type: 'removeBlock', pageId: 'nope', id: 'a' })).toThrow(/no page/);
  });
});
