// A realistic published page of exactly N blocks for benchmarks: sections of columns with cards,
// headings, rich text, buttons, alerts and quick links.
import { CURRENT_SCHEMA_VERSION, countNodes, defaultTheme, type BlockNode, type PortalDocument } from '../../core';

export function pageOfBlocks(total: number): BlockNode[] {
  const blocks: BlockNode[] = [];
  let n = 0;
  const id = () => `b${++n}`;
  while (n < total) {
    const section: BlockNode = { id: id(), type: 'section', props: {}, slots: { body: [] } };
    blocks.push(section);
    const body = section.slots!.body!;
    const add = (node: BlockNode) => {
      if (n <= total) body.push(node);
    };
    add({ id: id(), type: 'heading', props: { text: `Section ${n}`, level: 'h2' } });
    add({ id: id(), type: 'rich-text', props: { html: `<p>Welcome back, {{user.firstName}}. Here is <strong>section ${n}</strong> of your portal.</p>` } });
    if (n + 7 <= total) {
      const cols: BlockNode = { id: id(), type: 'columns', props: { count: 2 }, slots: { col1: [], col2: [] } };
      for (const col of ['col1', 'col2'] as const) {
        const card: BlockNode = { id: id(), type: 'card', props: { title: `Card ${n}`, icon: 'invoice' }, slots: { body: [] } };
        card.slots!.body!.push({ id: id(), type: 'rich-text', props: { html: '<p>Your latest invoice is ready.</p>' } });
        cols.slots![col]!.push(card);
      }
      add(cols);
      add({ id: id(), type: 'button', props: { label: 'Open invoices', href: '/invoices' } });
    }
    add({ id: id(), type: 'alert', props: { tone: 'info', title: 'Note', text: 'Meter readings by the 25th.' } });
  }
  while (countNodes(blocks) > total) blocks.pop();
  return blocks;
}

export function benchDocument(total: number): PortalDocument {
  const blocks = pageOfBlocks(total);
  if (countNodes(blocks) !== total) throw new Error(`fixture has ${countNodes(blocks)} blocks, not ${total}`);
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    pages: [
      { id: 'home', path: '/', title: { en: 'Home' }, inNav: true, blocks },
      { id: 'help', path: '/help', title: { en: 'Help' }, inNav: true, blocks: [{ id: 'hh', type: 'heading', props: { text: 'Help' } }] },
    ],
    navigation: ['home', 'help'],
    theme: defaultTheme,
    texts: {},
  };
}
