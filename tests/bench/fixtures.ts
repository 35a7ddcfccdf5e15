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

/** The three data blocks of the runtime budget's page: a table and a key figure over the viewer's colleagues, cards of their company. */
const DATA_BLOCKS: BlockNode[] = [
  { id: 'data_table', type: 'entity-table', props: { entityType: 'contact', columns: [{ field: 'name' }, { field: 'email' }], pageSize: 10, sortField: 'name', sortDir: 'asc' } },
  { id: 'data_kpi', type: 'kpi', props: { entityType: 'contact', measure: 'count', field: '', filters: [], label: 'Colleagues', hint: 'With access to the portal' } },
  { id: 'data_cards', type: 'entity-list', props: { entityType: 'account', fields: ['number', 'email'], badgeField: '' } },
];

/** Replaces the first alerts of a page with the data blocks (same block count). */
function withDataBlocks(blocks: BlockNode[]): BlockNode[] {
  let next = 0;
  const visit = (nodes: BlockNode[]): BlockNode[] =>
    nodes.map((node) => {
      if (node.type === 'alert' && next < DATA_BLOCKS.length) return DATA_BLOCKS[next++]!;
      return node.slots ? { ...node, slots: Object.fromEntries(Object.entries(node.slots).map(([k, v]) => [k, visit(v)])) } : node;
    });
  const out = visit(blocks);
  if (next < DATA_BLOCKS.length) throw new Error('the page has too few alerts to hold the data blocks');
  return out;
}

export function benchDocument(total: number, opts: { dataBlocks?: boolean } = {}): PortalDocument {
  const blocks = opts.dataBlocks ? withDataBlocks(pageOfBlocks(total)) : pageOfBlocks(total);
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

/**
 * A page of exactly `total` blocks for the builder benchmark: four fifths flat at the top level
 * (headings, rich text, buttons, alerts), one fifth nested inside two-column blocks.
 */
export function builderPage(total: number): BlockNode[] {
  const blocks: BlockNode[] = [];
  let n = 0;
  const id = () => `b${++n}`;
  const leaf = (i: number): BlockNode => {
    const k = i % 4;
    if (k === 0) return { id: id(), type: 'heading', props: { text: `Heading ${n}`, level: 'h2' } };
    if (k === 1) return { id: id(), type: 'rich-text', props: { html: `<p>Paragraph ${n} with <strong>some</strong> text.</p>` } };
    if (k === 2) return { id: id(), type: 'button', props: { label: `Button ${n}`, href: '/help' } };
    return { id: id(), type: 'alert', props: { title: `Note ${n}`, text: 'Meter readings by the 25th.' } };
  };
  // Each columns block holds 4 nested leaves: 1 container + 4 nested = 5 blocks, of which 4 nested.
  const nestedTarget = Math.round(total / 5);
  let nested = 0;
  let i = 0;
  while (n < total) {
    const remaining = total - n;
    if (nested + 4 <= nestedTarget && remaining >= 5 && i % 5 === 0) {
      const cols: BlockNode = { id: id(), type: 'columns', props: { count: 2 }, slots: { col1: [], col2: [] } };
      for (let c = 0; c < 4; c++) cols.slots![c % 2 === 0 ? 'col1' : 'col2']!.push(leaf(i + c));
      nested += 4;
      blocks.push(cols);
    } else {
      blocks.push(leaf(i));
    }
    i++;
  }
  return blocks;
}

export function builderDocument(total: number): PortalDocument {
  const blocks = builderPage(total);
  if (countNodes(blocks) !== total) throw new Error(`builder fixture has ${countNodes(blocks)} blocks, not ${total}`);
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    pages: [{ id: 'home', path: '/', title: { en: 'Home' }, inNav: true, blocks }],
    navigation: ['home'],
    theme: defaultTheme,
    texts: {},
  };
}
