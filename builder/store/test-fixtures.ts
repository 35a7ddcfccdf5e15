// Documents for the editor's tests.
import { CURRENT_SCHEMA_VERSION, defaultTheme, type BlockNode, type PortalDocument } from '../../core';

export const h = (id: string, text = id): BlockNode => ({ id, type: 'heading', props: { text } });
export const section = (id: string, body: BlockNode[] = []): BlockNode => ({ id, type: 'section', props: {}, slots: { body } });

export function sampleDoc(): PortalDocument {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    pages: [
      { id: 'home', path: '/', title: { en: 'Home' }, inNav: true, blocks: [h('a'), section('s', [h('b'), h('c')]), h('d')] },
      { id: 'help', path: '/help', title: { en: 'Help' }, inNav: true, blocks: [h('x')] },
      { id: 'item', path: '/items/:id', title: { en: 'Item' }, inNav: false, blocks: [] },
    ],
    navigation: ['home', 'help'],
    theme: defaultTheme,
    texts: {},
  };
}

export const ids = (nodes: readonly BlockNode[]): string[] => nodes.map((n) => n.id);
