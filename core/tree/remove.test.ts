// removeNode: subtree removal, structural sharing, NOT_FOUND.
import { describe, expect, it } from 'vitest';
import { collectIds } from './find';
import { removeNode } from './remove';
import { samplePage, shape } from './test-helpers';
import { TreeError } from './types';

describe('removeNode', () => {
  it('removes a root node', () => {
    expect(shape(removeNode(samplePage(), 'intro'))).toEqual([
      { hero: { body: ['title', { sub: { body: ['deep'] } }] } },
      { cols: { body: [], aside: ['note'] } },
    ]);
  });

  it('removes a nested node with its whole subtree', () => {
    const out = removeNode(samplePage(), 'sub');
    expect(collectIds(out)).toEqual(['hero', 'title', 'intro', 'cols', 'note']);
  });

  it('leaves an empty slot list behind rather than dropping the slot', () => {
    const out = removeNode(samplePage(), 'note');
    expect(out[2]?.slots).toEqual({ body: [], aside: [] });
  });

  it('keeps untouched subtrees by identity', () => {
    const forest = samplePage();
    const out = removeNode(forest, 'deep');
    expect(out[0]).not.toBe(forest[0]);
    expect(out[0]?.slots?.body?.[0]).toBe(forest[0]?.slots?.body?.[0]);
    expect(out[1]).toBe(forest[1]);
    expect(out[2]).toBe(forest[2]);
  });

  it('throws NOT_FOUND for an unknown id', () => {
    expect(() => removeNode(samplePage(), 'ghost')).toThrow(expect.objectContaining({ name: 'TreeError', code: 'NOT_FOUND' }));
    expect(() => removeNode(samplePage(), 'ghost')).toThrow(TreeError);
  });
});
