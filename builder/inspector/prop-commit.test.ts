import { beforeEach, describe, expect, it } from 'vitest';
import { getBlock, type BlockDefinition } from '../../blocks';
import { defaultTheme, type BlockNode, type PortalDocument } from '../../core';
import { nodeById } from '../store/block-index';
import { createEditorStore, type EditorStore } from '../store/editor-store';
import { describeFields } from './field-model';
import { commitProp, defaultsOf } from './prop-commit';

const def = (type: string) => getBlock(type)!;
const field = (d: BlockDefinition, name: string) => describeFields(d.props).find((f) => f.name === name)!;
const block = (id: string, type: string, extra: Partial<BlockNode> = {}): BlockNode => ({ id, type, props: def(type).props.parse({}) as Record<string, unknown>, ...extra });

function makeDoc(): PortalDocument {
  return {
    schemaVersion: 1,
    pages: [
      {
        id: 'home',
        path: '/',
        title: { en: 'Home' },
        inNav: true,
        blocks: [
          block('h', 'heading'),
          block('img', 'image'),
          block('cols', 'columns', { props: { ...def('columns').props.parse({}), count: 3 }, slots: { col3: [block('inner', 'heading')] } }),
          block('ql', 'quick-links'),
        ],
      },
    ],
    navigation: ['home'],
    theme: defaultTheme,
    texts: {},
  };
}

let store: EditorStore;
const propsOf = (id: string) => {
  const s = store.getState();
  return nodeById(s.doc!, s.index, id)!.props;
};
const history = () => store.temporal.getState().pastStates.length;

beforeEach(() => {
  store = createEditorStore();
  store.getState().load('portal', makeDoc(), 1);
});

describe('commitProp', () => {
  it('dispatches a valid value', () => {
    const heading = def('heading');
    expect(commitProp(store, { nodeId: 'h', def: heading, field: field(heading, 'text') }, [], () => 'Hello')).toBeNull();
    expect(propsOf('h').text).toBe('Hello');
  });

  it('refuses an invalid value with its message and leaves the document alone', () => {
    const heading = def('heading');
    const before = store.getState().doc;
    expect(commitProp(store, { nodeId: 'h', def: heading, field: field(heading, 'text') }, [], () => '')).toBe('a heading needs text');
    expect(store.getState().doc).toBe(before);
  });

  it('coalesces typing in one field into one undo step, but not discrete changes', () => {
    const heading = def('heading');
    const target = { nodeId: 'h', def: heading, field: field(heading, 'text') };
    for (const text of ['H', 'He', 'Hel', 'Hell', 'Hello']) commitProp(store, target, [], () => text, { coalesce: true });
    expect(history()).toBe(1);
    commitProp(store, { nodeId: 'h', def: heading, field: field(heading, 'level') }, [], () => 'h3');
    commitProp(store, { nodeId: 'h', def: heading, field: field(heading, 'level') }, [], () => 'h4');
    expect(history()).toBe(3);
    store.temporal.getState().undo(2);
    expect(propsOf('h')).toMatchObject({ text: 'Hello', level: 'h2' });
    store.temporal.getState().undo();
    expect(propsOf('h').text).toBe('Heading');
  });

  it('edits a field of a list item, validating the whole list', () => {
    const ql = def('quick-links');
    const target = { nodeId: 'ql', def: ql, field: field(ql, 'items') };
    expect(commitProp(store, target, [1, 'label'], () => 'My contracts')).toBeNull();
    expect((propsOf('ql').items as { label: string }[])[1]!.label).toBe('My contracts');
    expect(commitProp(store, target, [1, 'label'], () => ' ')).toBe('a link needs a label');
    expect(commitProp(store, target, [], () => [])).toBe('add at least one link');
  });

  it('fills the size props of an upload in the same step, ignoring invalid or unknown ones', () => {
    const image = def('image');
    const target = { nodeId: 'img', def: image, field: field(image, 'src') };
    expect(commitProp(store, target, [], () => '/uploads/a.png', { extra: { width: 640, height: 480, bogus: 1 } })).toBeNull();
    expect(propsOf('img')).toMatchObject({ src: '/uploads/a.png', width: 640, height: 480 });
    expect(propsOf('img')).not.toHaveProperty('bogus');
    expect(history()).toBe(1);
    commitProp(store, target, [], () => '/uploads/b.png', { extra: { width: 0 } });
    expect(propsOf('img')).toMatchObject({ src: '/uploads/b.png', width: 640 });
  });

  it('refuses fewer columns while the dropped column holds blocks', () => {
    const columns = def('columns');
    const target = { nodeId: 'cols', def: columns, field: field(columns, 'count') };
    expect(commitProp(store, target, [], () => 2)).toBe('"Column 3" still holds 1 block: move or delete it first');
    expect(propsOf('cols').count).toBe(3);
    expect(commitProp(store, target, [], () => 4)).toBeNull();
  });

  it('answers when the block is gone', () => {
    const heading = def('heading');
    store.getState().dispatch({ type: 'removeBlock', pageId: 'home', id: 'h' });
    expect(commitProp(store, { nodeId: 'h', def: heading, field: field(heading, 'text') }, [], () => 'x')).toBe('this block no longer exists');
  });

  it('knows each block’s defaults', () => {
    expect(defaultsOf(def('heading'))).toMatchObject({ text: 'Heading', level: 'h2' });
    expect(defaultsOf(def('heading'))).toBe(defaultsOf(def('heading')));
  });
});
