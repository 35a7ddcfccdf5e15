// insertNode: placement, index clamping, structural sharing, and each error code.
import { describe, expect, it } from 'vitest';
import { findNode } from './find';
import { insertNode } from './insert';
import { heading, samplePage, section, shape, treeErrorCode } from './test-helpers';

describe('insertNode', () => {
  it('inserts at the root at the given index', () => {
    const forest = samplePage();
    const out = insertNode(forest, heading('new'), { parentId: null, index: 1 });
    expect(shape(out)[1]).toBe('new');
    expect(out).toHaveLength(4);
    expect(forest).toHaveLength(3);
  });

  it('inserts into a nested slot', () => {
    const out = insertNode(samplePage(), heading('new'), { parentId: 'sub', slot: 'body', index: 0 });
    expect(findNode(out, 'new')).toMatchObject({ parentId: 'sub', slot: 'body', index: 0, depth: 2 });
    expect(findNode(out, 'deep')?.index).toBe(1);
  });

  it('creates a slot list the parent does not have yet', () => {
    const out = insertNode(samplePage(), heading('new'), { parentId: 'hero', slot: 'footer', index: 0 });
    expect(findNode(out, 'new')).toMatchObject({ parentId: 'hero', slot: 'footer', index: 0 });
    expect(out[0]?.slots?.body).toHaveLength(2);
  });

  it('inserts into a block that has no slots at all', () => {
    const out = insertNode(samplePage(), heading('new'), { parentId: 'intro', slot: 'body', index: 0 });
    expect(out[1]?.slots).toEqual({ body: [heading('new')] });
  });

  it('clamps the index to [0, length]', () => {
    const forest = samplePage();
    expect(shape(insertNode(forest, heading('n'), { parentId: null, index: 99 })).at(-1)).toBe('n');
    expect(shape(insertNode(forest, heading('n'), { parentId: null, index: -5 }))[0]).toBe('n');
    expect(shape(insertNode(forest, heading('n'), { parentId: null, index: 1.7 }))[1]).toBe('n');
  });

  it('inserts a whole subtree', () => {
    const out = insertNode(samplePage(), section('box', [heading('inner')]), { parentId: 'cols', slot: 'body', index: 0 });
    expect(findNode(out, 'inner')).toMatchObject({ parentId: 'box', depth: 2 });
  });

  it('keeps untouched subtrees by identity and copies only the spine', () => {
    const forest = samplePage();
    const out = insertNode(forest, heading('new'), { parentId: 'sub', slot: 'body', index: 1 });
    expect(out).not.toBe(forest);
    expect(out[0]).not.toBe(forest[0]); // hero is on the spine
    expect(out[1]).toBe(forest[1]);
    expect(out[2]).toBe(forest[2]);
    expect(out[0]?.slots?.body?.[0]).toBe(forest[0]?.slots?.body?.[0]); // title
    expect(findNode(out, 'deep')?.node).toBe(findNode(forest, 'deep')?.node);
  });

  it('throws DUPLICATE_ID when an id of the subtree is already used', () => {
    expect(treeErrorCode(() => insertNode(samplePage(), heading('intro'), { parentId: null, index: 0 }))).toBe('DUPLICATE_ID');
    expect(treeErrorCode(() => insertNode(samplePage(), section('fresh', [heading('deep')]), { parentId: null, index: 0 }))).toBe(
      'DUPLICATE_ID',
    );
  });

  it('throws DUPLICATE_ID when the inserted subtree repeats an id', () => {
    expect(treeErrorCode(() => insertNode(samplePage(), section('x', [heading('y'), heading('y')]), { parentId: null, index: 0 }))).toBe(
      'DUPLICATE_ID',
    );
    expect(treeErrorCode(() => insertNode(samplePage(), section('x', [heading('x')]), { parentId: null, index: 0 }))).toBe('DUPLICATE_ID');
  });

  it('throws INVALID_LOCATION for an unknown parent', () => {
    expect(treeErrorCode(() => insertNode(samplePage(), heading('n'), { parentId: 'ghost', slot: 'body', index: 0 }))).toBe(
      'INVALID_LOCATION',
    );
  });

  it('throws INVALID_LOCATION for a block parent without a slot name', () => {
    expect(treeErrorCode(() => insertNode(samplePage(), heading('n'), { parentId: 'hero', index: 0 }))).toBe('INVALID_LOCATION');
    expect(treeErrorCode(() => insertNode(samplePage(), heading('n'), { parentId: 'hero', slot: '', index: 0 }))).toBe('INVALID_LOCATION');
  });

  it('throws INVALID_LOCATION for a slot at the root or a NaN index', () => {
    expect(treeErrorCode(() => insertNode(samplePage(), heading('n'), { parentId: null, slot: 'body', index: 0 }))).toBe('INVALID_LOCATION');
    expect(treeErrorCode(() => insertNode(samplePage(), heading('n'), { parentId: null, index: Number.NaN }))).toBe('INVALID_LOCATION');
  });

  it('treats a slot named like an Object.prototype member as an ordinary, empty slot', () => {
    const out = insertNode(samplePage(), heading('n'), { parentId: 'hero', slot: 'constructor', index: 0 });
    expect(Object.hasOwn(out[0]?.slots ?? {}, 'constructor')).toBe(true);
    expect(out[0]?.slots?.constructor).toEqual([heading('n')]);
  });
});

describe('insertNode error precedence', () => {
  it('reports a bad location before a duplicate id', () => {
    expect(treeErrorCode(() => insertNode(samplePage(), heading('intro'), { parentId: 'ghost', slot: 'body', index: 0 }))).toBe(
      'INVALID_LOCATION',
    );
  });
});
