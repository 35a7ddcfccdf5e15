// Test-only: a small page of real block types (so slots come from the registry), used by the
// drag-and-drop, layers and command specs.
import { CURRENT_SCHEMA_VERSION, defaultTheme, type BlockNode } from '../../../core';
import { editorStore } from '../../store/editor-store';

export const heading = (id: string, text = id): BlockNode => ({ id, type: 'heading', props: { text } });
export const section = (id: string, body: BlockNode[] = []): BlockNode => ({ id, type: 'section', props: {}, slots: { body } });
export const columns = (id: string, cols: BlockNode[][]): BlockNode => ({
  id,
  type: 'columns',
  props: { count: cols.length },
  // Stored in reverse on purpose: the declared order (col1, col2, …) must win over key order.
  slots: Object.fromEntries(cols.map((c, i) => [`col${i + 1}`, c]).reverse()),
});
export const tabs = (id: string, panes: Record<string, BlockNode[]>): BlockNode => ({
  id,
  type: 'tabs',
  props: { tabs: Object.keys(panes).map((k) => ({ id: k, label: k.charAt(0).toUpperCase() + k.slice(1) })) },
  slots: panes,
});

/**
 * a, s(section){ b, c }, cols(columns){ col1: [x], col2: [] }, d
 */
export function samplePage(): BlockNode[] {
  return [heading('a'), section('s', [heading('b'), heading('c')]), columns('cols', [[heading('x')], []]), heading('d')];
}

/** Loads samplePage() as the home page of a one-page document into the app's editor store. */
export function loadSamplePage(): void {
  editorStore.getState().load(
    'p',
    { schemaVersion: CURRENT_SCHEMA_VERSION, pages: [{ id: 'home', path: '/', title: { en: 'Home' }, inNav: true, blocks: samplePage() }], navigation: ['home'], theme: defaultTheme, texts: {} },
    1,
  );
}
