// Clipboard JSON: what is accepted, what is refused and why, and pasting into the store.
import { beforeEach, describe, expect, it } from 'vitest';
import { findNode } from '../../core';
import { editorStore, selectPageBlocks } from '../store/editor-store';
import { parseClipboard, pasteText, serializeBlocks } from './clipboard';
import { columns, heading, loadSamplePage, section } from './dnd/test-page';

const envelope = (nodes: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ portico: 'blocks', version: 1, nodes, ...extra });

describe('parseClipboard', () => {
  it('accepts what serializeBlocks writes, completing props with defaults', () => {
    const parsed = parseClipboard(serializeBlocks([section('s', [heading('h', 'Hello')])]));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.nodes[0]).toMatchObject({ id: 's', type: 'section', props: { padding: 'medium' } });
    expect(parsed.nodes[0]?.slots?.body?.[0]?.props).toMatchObject({ text: 'Hello', level: expect.any(String) });
  });
  it('refuses text that is not Portico blocks', () => {
    for (const text of ['', 'hello', '{"a":1}', '[1,2]', JSON.stringify({ portico: 'blocks', version: 1, nodes: [] }), JSON.stringify({ portico: 'pages', version: 1, nodes: [heading('h')] })]) {
      expect(parseClipboard(text)).toEqual({ ok: false, error: 'The clipboard does not hold Portico blocks.' });
    }
  });
  it('refuses a newer version with its own message', () => {
    expect(parseClipboard(envelope([heading('h')], { version: 2 }))).toMatchObject({ ok: false, error: expect.stringMatching(/newer version/) });
  });
  it('refuses malformed nodes, naming the block', () => {
    expect(parseClipboard(envelope([heading('ok'), { id: 'x', type: 'heading' }]))).toMatchObject({ ok: false, error: expect.stringMatching(/^Block 2 .*malformed/) });
    expect(parseClipboard(envelope([{ id: 'bad id!', type: 'heading', props: {} }]))).toMatchObject({ ok: false, error: expect.stringMatching(/malformed/) });
    expect(parseClipboard(envelope([{ ...heading('h'), __proto__: null, extra: 1 }]))).toMatchObject({ ok: false });
  });
  it('refuses unknown block types and invalid props', () => {
    expect(parseClipboard(envelope([{ id: 'u', type: 'marquee', props: {} }]))).toEqual({ ok: false, error: 'Cannot paste: unknown block type "marquee".' });
    const bad = parseClipboard(envelope([{ id: 'h', type: 'heading', props: { text: 'x'.repeat(500) } }]));
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/^Cannot paste: Heading, text: /) });
    expect(parseClipboard(envelope([{ id: 'h', type: 'heading', props: { colour: 'red' } }]))).toMatchObject({ ok: false });
  });
  it('refuses slots the block does not have', () => {
    const node = { ...heading('h'), slots: { body: [heading('inner')] } };
    expect(parseClipboard(envelope([node]))).toMatchObject({ ok: false, error: expect.stringMatching(/has no slots/) });
    expect(parseClipboard(envelope([columns('c', [[heading('one')], [heading('two')]])])).ok).toBe(true);
  });
});

describe('pasteText', () => {
  beforeEach(() => {
    loadSamplePage();
  });
  const blocks = () => selectPageBlocks(editorStore.getState());

  it('pastes copies with fresh ids after the selection and selects the first', () => {
    editorStore.getState().select('b');
    expect(pasteText(serializeBlocks([findNode(blocks(), 's')!.node]))).toBe(true);
    const id = editorStore.getState().selectedId!;
    expect(id).not.toBe('s');
    expect(findNode(blocks(), id)).toMatchObject({ parentId: 's', slot: 'body', index: 1, node: { type: 'section' } });
    // Pasting the same twice never clashes.
    expect(pasteText(serializeBlocks([findNode(blocks(), 's')!.node]))).toBe(true);
  });
  it('pastes at the end of the page without a selection, and changes nothing for invalid text', () => {
    expect(pasteText(serializeBlocks([heading('n', 'New')]))).toBe(true);
    expect(blocks().at(-1)?.props.text).toBe('New');
    const before = editorStore.getState().doc;
    expect(pasteText('not json')).toBe(false);
    expect(editorStore.getState().doc).toBe(before);
  });
});
