// duplicateNode and cloneWithFreshIds: fresh ids for the whole subtree, placement, sharing, errors.
import { describe, expect, it } from 'vitest';
import type { BlockNode } from '../schema/document';
import { cloneWithFreshIds, duplicateNode } from './duplicate';
import { collectIds, countNodes, findNode } from './find';
import { deepFreeze, heading, samplePage, section } from './test-helpers';
import { TreeError } from './types';

const counter = (prefix = 'c') => {
  let n = 0;
  return () => `${prefix}${++n}`;
};

describe('cloneWithFreshIds', () => {
  it('copies the subtree with new ids and equal content', () => {
    const original = deepFreeze<BlockNode>({
      ...section('s', [heading('h')]),
      props: { padding: 'large', nested: { list: [1, 2] } },
      visibility: { audience: 'signed-in', roles: ['owner'] },
    });
    const copy = cloneWithFreshIds(original, counter());
    expect(collectIds([copy])).toEqual(['c1', 'c2']);
    expect(copy.props).toEqual(original.props);
    expect(copy.visibility).toEqual(original.visibility);
    expect(copy.slots?.body?.[0]?.props).toEqual({ text: 'h' });
  });

  it('shares nothing mutable with the original', () => {
    const original = deepFreeze<BlockNode>({ id: 'x', type: 'heading', props: { nested: { a: 1 } }, visibility: { roles: ['r'] } });
    const copy = cloneWithFreshIds(original, counter());
    expect(copy.props.nested).not.toBe(original.props.nested);
    expect(copy.visibility?.roles).not.toBe(original.visibility?.roles);
    expect(Object.isFrozen(copy.props)).toBe(false);
  });

  it('does not add slots or visibility the original lacks', () => {
    const copy = cloneWithFreshIds(heading('h'), counter());
    expect(copy).toEqual({ id: 'c1', type: 'heading', props: { text: 'h' } });
    expect('slots' in copy || 'visibility' in copy).toBe(false);
  });
});

describe('duplicateNode', () => {
  it('inserts the copy right after the original and returns its id', () => {
    const forest = samplePage();
    const { forest: out, id } = duplicateNode(forest, 'sub', counter());
    expect(id).toBe('c1');
    expect(findNode(out, 'c1')).toMatchObject({ parentId: 'hero', slot: 'body', index: 2 });
    expect(findNode(out, 'c2')).toMatchObject({ parentId: 'c1', slot: 'body', index: 0 });
    expect(countNodes(out)).toBe(countNodes(forest) + 2);
  });

  it('duplicates a root node', () => {
    const { forest: out } = duplicateNode(samplePage(), 'intro', counter());
    expect(out.map((n) => n.id)).toEqual(['hero', 'intro', 'c1', 'cols']);
  });

  it('uses prefixed random ids by default', () => {
    const { forest: out, id } = duplicateNode(samplePage(), 'cols');
    expect(id).toMatch(/^b_[A-Za-z0-9]{12}$/);
    expect(new Set(collectIds(out)).size).toBe(9);
  });

  it('keeps untouched subtrees by identity', () => {
    const forest = samplePage();
    const { forest: out } = duplicateNode(forest, 'title', counter());
    expect(out[1]).toBe(forest[1]);
    expect(out[2]).toBe(forest[2]);
    expect(findNode(out, 'sub')?.node).toBe(findNode(forest, 'sub')?.node);
    expect(findNode(out, 'title')?.node).toBe(findNode(forest, 'title')?.node);
  });

  it('throws NOT_FOUND for an unknown id', () => {
    expect(() => duplicateNode(samplePage(), 'ghost', counter())).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('throws DUPLICATE_ID when makeId hands out an id in use', () => {
    expect(() => duplicateNode(samplePage(), 'intro', () => 'hero')).toThrow(TreeError);
    expect(() => duplicateNode(samplePage(), 'intro', () => 'hero')).toThrow(expect.objectContaining({ code: 'DUPLICATE_ID' }));
  });
});
