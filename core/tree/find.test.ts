// walk, findNode, isDescendant, countNodes, collectIds on a small sample page.
import { describe, expect, it } from 'vitest';
import { collectIds, countNodes, findNode, isDescendant, walk } from './find';
import { samplePage } from './test-helpers';

describe('walk', () => {
  it('visits depth-first in pre-order with parent, slot, index and depth', () => {
    const seen: string[] = [];
    walk(samplePage(), (node, ctx) => {
      seen.push(`${node.id}@${ctx.parentId ?? 'root'}.${ctx.slot ?? '-'}[${ctx.index}]d${ctx.depth}`);
    });
    expect(seen).toEqual([
      'hero@root.-[0]d0',
      'title@hero.body[0]d1',
      'sub@hero.body[1]d1',
      'deep@sub.body[0]d2',
      'intro@root.-[1]d0',
      'cols@root.-[2]d0',
      'note@cols.aside[0]d1',
    ]);
  });

  it("skips a node's children when the visitor returns 'skip'", () => {
    const seen: string[] = [];
    walk(samplePage(), (node) => {
      seen.push(node.id);
      return node.id === 'hero' ? 'skip' : undefined;
    });
    expect(seen).toEqual(['hero', 'intro', 'cols', 'note']);
  });

  it('does nothing on an empty forest', () => {
    let calls = 0;
    walk([], () => {
      calls++;
    });
    expect(calls).toBe(0);
  });
});

describe('findNode', () => {
  it('finds a root node', () => {
    const forest = samplePage();
    expect(findNode(forest, 'intro')).toEqual({ node: forest[1], parentId: null, slot: null, index: 1, depth: 0 });
  });

  it('finds a nested node with its parent, slot, index and depth', () => {
    const found = findNode(samplePage(), 'deep');
    expect(found).toMatchObject({ parentId: 'sub', slot: 'body', index: 0, depth: 2 });
    expect(found?.node.id).toBe('deep');
    expect(findNode(samplePage(), 'note')).toMatchObject({ parentId: 'cols', slot: 'aside', index: 0, depth: 1 });
  });

  it('returns undefined for an unknown id', () => {
    expect(findNode(samplePage(), 'nope')).toBeUndefined();
  });
});

describe('isDescendant', () => {
  it('is true for children and deeper descendants', () => {
    expect(isDescendant(samplePage(), 'hero', 'title')).toBe(true);
    expect(isDescendant(samplePage(), 'hero', 'deep')).toBe(true);
  });

  it('is false for the node itself, siblings, ancestors and unknown ids', () => {
    const forest = samplePage();
    expect(isDescendant(forest, 'hero', 'hero')).toBe(false);
    expect(isDescendant(forest, 'hero', 'intro')).toBe(false);
    expect(isDescendant(forest, 'deep', 'hero')).toBe(false);
    expect(isDescendant(forest, 'nope', 'title')).toBe(false);
    expect(isDescendant(forest, 'hero', 'nope')).toBe(false);
  });
});

describe('countNodes and collectIds', () => {
  it('count every node and list ids in pre-order', () => {
    expect(countNodes(samplePage())).toBe(7);
    expect(collectIds(samplePage())).toEqual(['hero', 'title', 'sub', 'deep', 'intro', 'cols', 'note']);
    expect(countNodes([])).toBe(0);
    expect(collectIds([])).toEqual([]);
  });
});
