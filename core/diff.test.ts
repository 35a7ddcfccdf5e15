// diffDocuments: pages and blocks added, removed, changed (props, visibility, moves between and
// within slots, nested), theme / navigation / texts, and identical documents giving an empty diff.
import { describe, expect, it } from 'vitest';
import { diffBlocks, diffDocuments, emptyDocumentLike, hasChanges, jsonEqual } from './diff';
import { CURRENT_SCHEMA_VERSION, defaultTheme, type BlockNode, type Page, type PortalDocument } from './schema/document';
import { duplicateNode, insertNode, moveNode, removeNode, updateProps } from './tree';
import { deepFreeze, heading, samplePage, section } from './tree/test-helpers';

const page = (id: string, blocks: BlockNode[], extra: Partial<Page> = {}): Page => ({
  id,
  path: id === 'home' ? '/' : `/${id}`,
  title: { en: id[0]!.toUpperCase() + id.slice(1) },
  inNav: true,
  blocks,
  ...extra,
});

function doc(pages: Page[] = [page('home', samplePage()), page('billing', [heading('inv')])]): PortalDocument {
  return deepFreeze({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    pages,
    navigation: pages.map((p) => p.id),
    theme: defaultTheme,
    texts: {},
  });
}

/** The document with the home page's blocks replaced. */
const withHome = (d: PortalDocument, blocks: BlockNode[]): PortalDocument => ({
  ...d,
  pages: d.pages.map((p) => (p.id === 'home' ? { ...p, blocks } : p)),
});

describe('diffDocuments', () => {
  it('finds nothing between identical documents, equal or the same object', () => {
    const a = doc();
    for (const b of [a, doc(), JSON.parse(JSON.stringify(a)) as PortalDocument]) {
      const d = diffDocuments(a, b);
      expect(hasChanges(d)).toBe(false);
      expect(d.pages).toEqual({ added: [], removed: [], changed: [] });
      expect(d.counts).toEqual({ pagesAdded: 0, pagesRemoved: 0, pagesChanged: 0, blocksAdded: 0, blocksRemoved: 0, blocksChanged: 0 });
      expect([d.navigationChanged, d.themeChanged, d.textsChanged]).toEqual([false, false, false]);
    }
  });

  it('reports added and removed pages with their titles and block counts', () => {
    const a = doc();
    const b = doc([a.pages[0]!, page('help', [section('s', [heading('q1'), heading('q2')])], { title: { en: 'Help centre', de: 'Hilfe' } })]);
    const d = diffDocuments(a, b);
    expect(d.pages.added).toEqual([{ pageId: 'help', title: 'Help centre', path: '/help', blockCount: 3 }]);
    expect(d.pages.removed).toEqual([{ pageId: 'billing', title: 'Billing', path: '/billing', blockCount: 1 }]);
    expect(d.pages.changed).toEqual([]);
    expect(d.navigationChanged).toBe(true);
    expect(d.counts).toMatchObject({ pagesAdded: 1, pagesRemoved: 1, pagesChanged: 0 });
    expect(hasChanges(d)).toBe(true);
  });

  it('reports the page fields that changed', () => {
    const a = doc();
    const b: PortalDocument = {
      ...a,
      pages: a.pages.map((p) => (p.id === 'billing' ? { ...p, title: { en: 'Invoices' }, path: '/invoices', inNav: false, visibility: { audience: 'signed-in' } } : p)),
    };
    const d = diffDocuments(a, b);
    expect(d.pages.changed).toEqual([
      { pageId: 'billing', title: 'Invoices', path: '/invoices', fieldsChanged: ['title', 'path', 'inNav', 'visibility'], blocks: { added: [], removed: [], changed: [] } },
    ]);
    expect(d.navigationChanged).toBe(false);
  });

  it('reports blocks added and removed, nested ones included', () => {
    const a = doc();
    let blocks = insertNode(a.pages[0]!.blocks, { id: 'new', type: 'alert', props: {} }, { parentId: 'sub', slot: 'body', index: 1 });
    blocks = removeNode(blocks, 'cols');
    const d = diffDocuments(a, withHome(a, blocks));
    const home = d.pages.changed[0]!;
    expect(home.pageId).toBe('home');
    expect(home.blocks.added).toEqual([{ id: 'new', type: 'alert' }]);
    // Removing a block removes its subtree: both are reported.
    expect(home.blocks.removed).toEqual([
      { id: 'cols', type: 'section' },
      { id: 'note', type: 'heading' },
    ]);
    expect(home.blocks.changed).toEqual([]);
    expect(d.counts).toMatchObject({ pagesChanged: 1, blocksAdded: 1, blocksRemoved: 2, blocksChanged: 0 });
  });

  it('names the props that changed, including added and removed ones', () => {
    const a = doc();
    const blocks = updateProps(a.pages[0]!.blocks, 'deep', { text: 'Changed', level: 'h2' });
    const d = diffDocuments(a, withHome(a, blocks));
    expect(d.pages.changed[0]!.blocks.changed).toEqual([{ id: 'deep', type: 'heading', props: ['level', 'text'], visibility: false, moved: false }]);

    const removedProp = withHome(a, a.pages[0]!.blocks.map((n) => (n.id === 'intro' ? { ...n, props: {} } : n)));
    expect(diffDocuments(a, removedProp).pages.changed[0]!.blocks.changed).toEqual([{ id: 'intro', type: 'heading', props: ['text'], visibility: false, moved: false }]);
  });

  it('ignores prop key order and copies of equal values', () => {
    const a = doc([page('home', [{ id: 'x', type: 'card', props: { title: 'A', links: [{ a: 1, b: 2 }] } }])]);
    const b = doc([page('home', [{ id: 'x', type: 'card', props: { links: [{ b: 2, a: 1 }], title: 'A' } }])]);
    expect(hasChanges(diffDocuments(a, b))).toBe(false);
  });

  it('reports visibility changes', () => {
    const a = doc();
    const b = withHome(a, a.pages[0]!.blocks.map((n) => (n.id === 'intro' ? { ...n, visibility: { roles: ['owner'] } } : n)));
    expect(diffDocuments(a, b).pages.changed[0]!.blocks.changed).toEqual([{ id: 'intro', type: 'heading', props: [], visibility: true, moved: false }]);
  });

  it('reports a block moved into another slot, keeping its subtree unreported', () => {
    const a = doc();
    // `sub` (with `deep` inside) moves from hero/body to cols/aside: only `sub` moved.
    const d = diffDocuments(a, withHome(a, moveNode(a.pages[0]!.blocks, 'sub', { parentId: 'cols', slot: 'aside', index: 0 })));
    expect(d.pages.changed[0]!.blocks).toEqual({ added: [], removed: [], changed: [{ id: 'sub', type: 'section', props: [], visibility: false, moved: true }] });
  });

  it('reports a block moved between sibling slots of one parent and to the root', () => {
    const a = doc();
    const toBody = moveNode(a.pages[0]!.blocks, 'note', { parentId: 'cols', slot: 'body', index: 0 });
    expect(diffDocuments(a, withHome(a, toBody)).pages.changed[0]!.blocks.changed.map((c) => [c.id, c.moved])).toEqual([['note', true]]);
    const toRoot = moveNode(a.pages[0]!.blocks, 'deep', { parentId: null, index: 0 });
    expect(diffDocuments(a, withHome(a, toRoot)).pages.changed[0]!.blocks.changed.map((c) => [c.id, c.moved])).toEqual([['deep', true]]);
  });

  it('reports the fewest blocks moved for a reorder within one list', () => {
    const a = doc([page('home', ['a', 'b', 'c', 'd', 'e'].map((id) => heading(id)))]);
    // Moving `e` to the top: only `e` moved, though every index changed.
    const b = withHome(a, moveNode(a.pages[0]!.blocks, 'e', { parentId: null, index: 0 }));
    expect(diffDocuments(a, b).pages.changed[0]!.blocks.changed).toEqual([{ id: 'e', type: 'heading', props: [], visibility: false, moved: true }]);
  });

  it('does not count siblings shifted by an insertion or removal as moved', () => {
    const a = doc([page('home', ['a', 'b', 'c'].map((id) => heading(id)))]);
    const inserted = withHome(a, insertNode(a.pages[0]!.blocks, heading('z'), { parentId: null, index: 0 }));
    expect(diffDocuments(a, inserted).pages.changed[0]!.blocks).toEqual({ added: [{ id: 'z', type: 'heading' }], removed: [], changed: [] });
    const removed = withHome(a, removeNode(a.pages[0]!.blocks, 'a'));
    expect(diffDocuments(a, removed).pages.changed[0]!.blocks).toEqual({ added: [], removed: [{ id: 'a', type: 'heading' }], changed: [] });
  });

  it('reports a duplicate as added blocks', () => {
    const a = doc();
    let n = 0;
    const { forest: blocks } = duplicateNode(a.pages[0]!.blocks, 'sub', () => `copy${n++}`);
    const { added, removed, changed } = diffDocuments(a, withHome(a, blocks)).pages.changed[0]!.blocks;
    expect(added.map((b) => b.type)).toEqual(['section', 'heading']);
    expect([removed, changed]).toEqual([[], []]);
  });

  it('treats an id reused by another block type as a removal and an addition', () => {
    const a = doc([page('home', [heading('x')])]);
    const b = doc([page('home', [{ id: 'x', type: 'alert', props: {} }])]);
    expect(diffDocuments(a, b).pages.changed[0]!.blocks).toEqual({ added: [{ id: 'x', type: 'alert' }], removed: [{ id: 'x', type: 'heading' }], changed: [] });
  });

  it('combines several changes to one block in one entry', () => {
    const a = doc();
    let blocks = moveNode(a.pages[0]!.blocks, 'title', { parentId: 'cols', slot: 'body', index: 0 });
    blocks = updateProps(blocks, 'title', { text: 'New title' });
    const d = diffDocuments(a, withHome(a, blocks));
    expect(d.pages.changed[0]!.blocks.changed).toEqual([{ id: 'title', type: 'heading', props: ['text'], visibility: false, moved: true }]);
    expect(d.counts.blocksChanged).toBe(1);
  });

  it('reports theme fields, navigation order and texts', () => {
    const a = doc();
    const b: PortalDocument = {
      ...a,
      navigation: [...a.navigation].reverse(),
      theme: { ...a.theme, colors: { ...a.theme.colors, primary: '#000000' }, radius: 12, logo: '/uploads/x.png' },
      texts: { greeting: { en: 'Hi' } },
    };
    const d = diffDocuments(a, b);
    expect(d.themeChanged).toBe(true);
    expect(d.themeFields).toEqual(['colors.primary', 'logo', 'radius']);
    expect(d.navigationChanged).toBe(true);
    expect(d.textsChanged).toBe(true);
    expect(d.pages.changed).toEqual([]);
    expect(hasChanges(d)).toBe(true);
  });

  it('shows everything as added against an empty document (never published)', () => {
    const a = doc();
    const d = diffDocuments(emptyDocumentLike(a), a);
    expect(d.pages.added.map((p) => p.pageId)).toEqual(['home', 'billing']);
    expect(d.themeChanged).toBe(false);
    expect(d.navigationChanged).toBe(true);
  });

  it('is serialisable', () => {
    const a = doc();
    const d = diffDocuments(a, withHome(a, updateProps(a.pages[0]!.blocks, 'intro', { text: 'x' })));
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });
});

describe('diffBlocks', () => {
  it('handles empty forests', () => {
    expect(diffBlocks([], [])).toEqual({ added: [], removed: [], changed: [] });
    expect(diffBlocks([], [heading('a')]).added).toEqual([{ id: 'a', type: 'heading' }]);
    expect(diffBlocks([heading('a')], []).removed).toEqual([{ id: 'a', type: 'heading' }]);
  });

  it('reports a swap of two blocks as one move', () => {
    const out = diffBlocks([heading('a'), heading('b')], [heading('b'), heading('a')]);
    expect(out.changed).toHaveLength(1);
    expect(out.changed[0]!.moved).toBe(true);
  });
});

describe('jsonEqual', () => {
  it('compares JSON values structurally', () => {
    expect(jsonEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
    expect(jsonEqual('1', 1)).toBe(false);
  });
});
