// The key map, and the commands it runs against the app's editor store.
import { beforeEach, describe, expect, it } from 'vitest';
import { findNode } from '../../core';
import { editorStore, selectPageBlocks } from '../store/editor-store';
import { loadSamplePage } from './dnd/test-page';
import { commandForKey, runCommand, type KeyInput } from './shortcuts';

const key = (k: string, mods: Partial<Omit<KeyInput, 'key'>> = {}): KeyInput => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('commandForKey', () => {
  it('maps the arrows to selection moves and Alt+arrows to block moves', () => {
    expect(commandForKey(key('ArrowUp'))).toBe('select-previous');
    expect(commandForKey(key('ArrowDown'))).toBe('select-next');
    expect(commandForKey(key('ArrowLeft'))).toBe('select-parent');
    expect(commandForKey(key('ArrowRight'))).toBe('select-child');
    expect(commandForKey(key('ArrowUp', { altKey: true }))).toBe('move-up');
    expect(commandForKey(key('ArrowDown', { altKey: true }))).toBe('move-down');
    expect(commandForKey(key('ArrowLeft', { altKey: true }))).toBeNull();
  });
  it('maps Delete, Backspace and Escape', () => {
    expect(commandForKey(key('Delete'))).toBe('remove');
    expect(commandForKey(key('Backspace'))).toBe('remove');
    expect(commandForKey(key('Escape'))).toBe('clear-selection');
  });
  it('treats Ctrl and Cmd alike, Shift+Z and Y as redo', () => {
    for (const mod of [{ ctrlKey: true }, { metaKey: true }]) {
      expect(commandForKey(key('z', mod))).toBe('undo');
      expect(commandForKey(key('Z', { ...mod, shiftKey: true }))).toBe('redo');
      expect(commandForKey(key('y', mod))).toBe('redo');
      expect(commandForKey(key('c', mod))).toBe('copy');
      expect(commandForKey(key('v', mod))).toBe('paste');
      expect(commandForKey(key('d', mod))).toBe('duplicate');
      expect(commandForKey(key('D', mod))).toBe('duplicate');
    }
  });
  it('leaves other keys and combinations alone', () => {
    expect(commandForKey(key('a'))).toBeNull();
    expect(commandForKey(key('Enter'))).toBeNull();
    expect(commandForKey(key('ArrowUp', { shiftKey: true }))).toBeNull();
    expect(commandForKey(key('c', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(commandForKey(key('z', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(commandForKey(key('x', { ctrlKey: true }))).toBeNull();
    expect(commandForKey(key('Delete', { ctrlKey: true }))).toBeNull();
  });
});

describe('runCommand', () => {
  beforeEach(() => {
    loadSamplePage();
    editorStore.temporal.getState().clear();
  });
  const s = () => editorStore.getState();

  it('moves the selection, and does nothing without one where one is needed', () => {
    expect(runCommand('remove')).toBe(false);
    expect(runCommand('clear-selection')).toBe(false);
    expect(runCommand('select-next')).toBe(true);
    expect(s().selectedId).toBe('a');
    expect(runCommand('select-next') && runCommand('select-child')).toBe(true);
    expect(s().selectedId).toBe('b');
    expect(runCommand('clear-selection')).toBe(true);
    expect(s().selectedId).toBeNull();
  });
  it('removes, then undo brings the block back and redo removes it again', () => {
    s().select('c');
    expect(runCommand('remove')).toBe(true);
    expect(findNode(selectPageBlocks(s()), 'c')).toBeUndefined();
    expect(s().selectedId).toBe('b');
    runCommand('undo');
    expect(findNode(selectPageBlocks(s()), 'c')).toBeDefined();
    runCommand('redo');
    expect(findNode(selectPageBlocks(s()), 'c')).toBeUndefined();
  });
  it('clears a selection that undo takes away', () => {
    s().select('a');
    runCommand('duplicate');
    const copy = s().selectedId!;
    expect(copy).not.toBe('a');
    runCommand('undo');
    expect(s().index.has(copy)).toBe(false);
    expect(s().selectedId).toBeNull();
  });
  it('moves the selected block among its siblings', () => {
    s().select('b');
    expect(runCommand('move-down')).toBe(true);
    expect(findNode(selectPageBlocks(s()), 'b')?.index).toBe(1);
    runCommand('move-up');
    expect(findNode(selectPageBlocks(s()), 'b')?.index).toBe(0);
  });
});
