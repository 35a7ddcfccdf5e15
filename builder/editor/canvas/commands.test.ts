// Block commands: what gets selected next, where new blocks go, sibling moves; and the commands
// applied to a store holding a real page.
import { beforeEach, describe, expect, it } from 'vitest';
import { findNode } from '../../../core';
import { editorStore, selectPageBlocks } from '../../store/editor-store';
import { loadSamplePage, samplePage } from '../dnd/test-page';
import {
  duplicateBlockById,
  insertBlockOfType,
  insertionLocation,
  moveBlockBy,
  neighbourAfterRemoval,
  newBlock,
  relativeBlock,
  removeBlockById,
  selectRelative,
  siblingStep,
} from './commands';

const page = samplePage();

describe('relativeBlock', () => {
  it('walks the page in reading order', () => {
    expect(relativeBlock(page, 'c', 'next')).toBe('cols');
    expect(relativeBlock(page, 'cols', 'previous')).toBe('c');
    expect(relativeBlock(page, 'd', 'next')).toBeNull();
    expect(relativeBlock(page, null, 'next')).toBe('a');
    expect(relativeBlock(page, null, 'previous')).toBe('d');
  });
  it('goes to the parent and the first child', () => {
    expect(relativeBlock(page, 'x', 'parent')).toBe('cols');
    expect(relativeBlock(page, 'a', 'parent')).toBeNull();
    expect(relativeBlock(page, 's', 'child')).toBe('b');
    expect(relativeBlock(page, 'b', 'child')).toBeNull();
  });
});

describe('neighbourAfterRemoval', () => {
  it('prefers the next sibling, then the previous, then the parent', () => {
    expect(neighbourAfterRemoval(page, 'b')).toBe('c');
    expect(neighbourAfterRemoval(page, 'c')).toBe('b');
    expect(neighbourAfterRemoval(page, 'x')).toBe('cols');
    expect(neighbourAfterRemoval(page, 'd')).toBe('cols');
  });
});

describe('insertionLocation and siblingStep', () => {
  it('inserts after the selection, or at the end of the page', () => {
    expect(insertionLocation(page, 'b')).toEqual({ parentId: 's', slot: 'body', index: 1 });
    expect(insertionLocation(page, 'a')).toEqual({ parentId: null, index: 1 });
    expect(insertionLocation(page, null)).toEqual({ parentId: null, index: 4 });
    expect(insertionLocation(page, 'gone')).toEqual({ parentId: null, index: 4 });
  });
  it('steps among siblings and stops at the ends', () => {
    expect(siblingStep(page, 'b', 1)).toEqual({ parentId: 's', slot: 'body', index: 1 });
    expect(siblingStep(page, 'b', -1)).toBeNull();
    expect(siblingStep(page, 'd', 1)).toBeNull();
    expect(siblingStep(page, 'd', -1)).toEqual({ parentId: null, index: 2 });
  });
  it('makes complete new blocks from the registry defaults', () => {
    expect(newBlock('heading')).toMatchObject({ type: 'heading', props: { text: 'Heading' } });
    expect(newBlock('heading')?.id).toMatch(/^b_/);
    expect(newBlock('nope')).toBeNull();
  });
});

describe('commands on the editor store', () => {
  beforeEach(() => {
    loadSamplePage();
  });
  const blocks = () => selectPageBlocks(editorStore.getState());
  const selected = () => editorStore.getState().selectedId;

  it('inserts after the selection and selects the new block', () => {
    editorStore.getState().select('b');
    expect(insertBlockOfType('button')).toBe(true);
    expect(findNode(blocks(), selected()!)).toMatchObject({ parentId: 's', index: 1, node: { type: 'button' } });
  });
  it('removes and selects a neighbour; duplicates and selects the copy', () => {
    expect(removeBlockById('b')).toBe(true);
    expect(selected()).toBe('c');
    expect(duplicateBlockById('c')).toBe(true);
    expect(findNode(blocks(), selected()!)).toMatchObject({ parentId: 's', index: 1, node: { type: 'heading', props: { text: 'c' } } });
  });
  it('moves among siblings and selects by direction', () => {
    expect(moveBlockBy('b', 1)).toBe(true);
    expect(findNode(blocks(), 'b')?.index).toBe(1);
    expect(moveBlockBy('b', 1)).toBe(false);
    editorStore.getState().select('x');
    expect(selectRelative('parent')).toBe(true);
    expect(selected()).toBe('cols');
  });
});
