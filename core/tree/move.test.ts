// moveNode: placement (index counted after removal), no-op moves, structural sharing, each error code.
import { describe, expect, it } from 'vitest';
import { findNode } from './find';
import { moveNode } from './move';
import { samplePage, shape, treeErrorCode } from './test-helpers';

describe('moveNode', () => {
  it('moves a node from a slot to the root', () => {
    const out = moveNode(samplePage(), 'sub', { parentId: null, index: 0 });
    expect(shape(out)).toEqual([
      { sub: { body: ['deep'] } },
      { hero: { body: ['title'] } },
      'intro',
      { cols: { body: [], aside: ['note'] } },
    ]);
  });

  it('moves a node into another slot', () => {
    const out = moveNode(samplePage(), 'intro', { parentId: 'cols', slot: 'aside', index: 1 });
    expect(findNode(out, 'intro')).toMatchObject({ parentId: 'cols', slot: 'aside', index: 1, depth: 1 });
    expect(out).toHaveLength(2);
  });

  it('counts the target index after the node has left its old place', () => {
    // hero, intro, cols: moving hero to index 1 puts it after intro, not after cols.
    expect(moveNode(samplePage(), 'hero', { parentId: null, index: 1 }).map((n) => n.id)).toEqual(['intro', 'hero', 'cols']);
    expect(findNode(moveNode(samplePage(), 'intro', { parentId: null, index: 2 }), 'intro')?.index).toBe(2);
  });

  it('moves between sibling slots of the same parent', () => {
    const out = moveNode(samplePage(), 'note', { parentId: 'cols', slot: 'body', index: 0 });
    expect(out[2]?.slots).toEqual({ body: [findNode(samplePage(), 'note')?.node], aside: [] });
  });

  it('clamps the index', () => {
    expect(findNode(moveNode(samplePage(), 'hero', { parentId: null, index: 50 }), 'hero')?.index).toBe(2);
    expect(findNode(moveNode(samplePage(), 'deep', { parentId: 'hero', slot: 'body', index: -3 }), 'deep')?.index).toBe(0);
  });

  it('keeps the moved subtree and untouched nodes by identity', () => {
    const forest = samplePage();
    const out = moveNode(forest, 'sub', { parentId: 'cols', slot: 'body', index: 0 });
    expect(findNode(out, 'sub')?.node).toBe(findNode(forest, 'sub')?.node);
    expect(findNode(out, 'title')?.node).toBe(findNode(forest, 'title')?.node);
    expect(out[1]).toBe(forest[1]);
    expect(findNode(out, 'note')?.node).toBe(findNode(forest, 'note')?.node);
  });

  it('returns the input itself when the node would land where it is', () => {
    const forest = samplePage();
    expect(moveNode(forest, 'intro', { parentId: null, index: 1 })).toBe(forest);
    expect(moveNode(forest, 'deep', { parentId: 'sub', slot: 'body', index: 9 })).toBe(forest);
    expect(moveNode(forest, 'title', { parentId: 'hero', slot: 'body', index: 1 })).not.toBe(forest);
  });

  it('throws NOT_FOUND for an unknown id', () => {
    expect(treeErrorCode(() => moveNode(samplePage(), 'ghost', { parentId: null, index: 0 }))).toBe('NOT_FOUND');
  });

  it('throws CYCLE when moving a node into itself or a descendant', () => {
    expect(treeErrorCode(() => moveNode(samplePage(), 'hero', { parentId: 'hero', slot: 'body', index: 0 }))).toBe('CYCLE');
    expect(treeErrorCode(() => moveNode(samplePage(), 'hero', { parentId: 'sub', slot: 'body', index: 0 }))).toBe('CYCLE');
    expect(treeErrorCode(() => moveNode(samplePage(), 'hero', { parentId: 'deep', slot: 'body', index: 0 }))).toBe('CYCLE');
  });

  it('throws INVALID_LOCATION for an unknown parent or a missing slot', () => {
    expect(treeErrorCode(() => moveNode(samplePage(), 'intro', { parentId: 'ghost', slot: 'body', index: 0 }))).toBe('INVALID_LOCATION');
    expect(treeErrorCode(() => moveNode(samplePage(), 'intro', { parentId: 'hero', index: 0 }))).toBe('INVALID_LOCATION');
    expect(treeErrorCode(() => moveNode(samplePage(), 'intro', { parentId: null, slot: 'body', index: 0 }))).toBe('INVALID_LOCATION');
  });
});
