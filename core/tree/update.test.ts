// updateProps and setVisibility: merge and delete semantics, no-op identity, structural sharing.
import { describe, expect, it } from 'vitest';
import { findNode } from './find';
import { samplePage } from './test-helpers';
import { TreeError } from './types';
import { setVisibility, updateProps } from './update';

describe('updateProps', () => {
  it('shallow-merges the patch into props', () => {
    const out = updateProps(samplePage(), 'deep', { level: 'h3', text: 'Hello' });
    expect(findNode(out, 'deep')?.node.props).toEqual({ text: 'Hello', level: 'h3' });
  });

  it('replaces nested values rather than merging them', () => {
    const once = updateProps(samplePage(), 'intro', { style: { a: 1, b: 2 } });
    const twice = updateProps(once, 'intro', { style: { a: 3 } });
    expect(findNode(twice, 'intro')?.node.props.style).toEqual({ a: 3 });
  });

  it('deletes a prop whose patch value is undefined', () => {
    const out = updateProps(samplePage(), 'intro', { text: undefined });
    const props = findNode(out, 'intro')?.node.props ?? {};
    expect(props).toEqual({});
    expect(Object.hasOwn(props, 'text')).toBe(false);
  });

  it('keeps null as a value', () => {
    const out = updateProps(samplePage(), 'intro', { text: null });
    expect(findNode(out, 'intro')?.node.props).toEqual({ text: null });
  });

  it('stores a "__proto__" key as a prop without touching the prototype', () => {
    const patch = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    const props = findNode(updateProps(samplePage(), 'intro', patch), 'intro')?.node.props ?? {};
    expect(Object.hasOwn(props, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(props)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps untouched subtrees by identity', () => {
    const forest = samplePage();
    const out = updateProps(forest, 'deep', { text: 'x' });
    expect(out[1]).toBe(forest[1]);
    expect(out[2]).toBe(forest[2]);
    expect(findNode(out, 'title')?.node).toBe(findNode(forest, 'title')?.node);
    expect(findNode(out, 'sub')?.node).not.toBe(findNode(forest, 'sub')?.node);
  });

  it('returns the input itself for a patch that changes nothing', () => {
    const forest = samplePage();
    expect(updateProps(forest, 'intro', { text: 'intro' })).toBe(forest);
    expect(updateProps(forest, 'intro', { missing: undefined })).toBe(forest);
    expect(updateProps(forest, 'intro', {})).toBe(forest);
  });

  it('throws NOT_FOUND for an unknown id', () => {
    expect(() => updateProps(samplePage(), 'ghost', { a: 1 })).toThrow(TreeError);
    expect(() => updateProps(samplePage(), 'ghost', { a: 1 })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

describe('setVisibility', () => {
  it('sets and replaces a visibility', () => {
    const once = setVisibility(samplePage(), 'note', { audience: 'signed-in' });
    expect(findNode(once, 'note')?.node.visibility).toEqual({ audience: 'signed-in' });
    const twice = setVisibility(once, 'note', { roles: ['owner'] });
    expect(findNode(twice, 'note')?.node.visibility).toEqual({ roles: ['owner'] });
  });

  it('removes the visibility key for undefined', () => {
    const set = setVisibility(samplePage(), 'note', { roles: ['owner'] });
    const cleared = setVisibility(set, 'note', undefined);
    expect('visibility' in (findNode(cleared, 'note')?.node ?? {})).toBe(false);
  });

  it('keeps untouched subtrees by identity and returns the input for a no-op', () => {
    const forest = samplePage();
    const out = setVisibility(forest, 'note', { audience: 'public' });
    expect(out[0]).toBe(forest[0]);
    expect(out[1]).toBe(forest[1]);
    expect(setVisibility(forest, 'note', undefined)).toBe(forest);
  });

  it('throws NOT_FOUND for an unknown id', () => {
    expect(() => setVisibility(samplePage(), 'ghost', undefined)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
