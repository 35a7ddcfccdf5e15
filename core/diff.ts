// What changed between two portal documents (the live version and the draft, before publishing):
// pages and blocks added, removed and changed, matched by id. Pure and serialisable, so the
// builder can show it and tests can assert on it.
import type { BlockNode, Page, PortalDocument, Theme } from './schema/document';
import { walk } from './tree';

export type PageRef = { pageId: string; title: string; path: string; blockCount: number };
export type BlockRef = { id: string; type: string };
export type BlockChange = BlockRef & {
  /** Names of the props whose values differ (added and removed props included). */
  props: string[];
  visibility: boolean;
  /** It sits in another parent or slot, or its order among the siblings it kept changed. */
  moved: boolean;
};
export type PageFieldName = 'title' | 'path' | 'icon' | 'inNav' | 'visibility';
export type PageChange = {
  pageId: string;
  title: string;
  path: string;
  fieldsChanged: PageFieldName[];
  blocks: { added: BlockRef[]; removed: BlockRef[]; changed: BlockChange[] };
};
export type DocumentDiff = {
  pages: { added: PageRef[]; removed: PageRef[]; changed: PageChange[] };
  navigationChanged: boolean;
  themeChanged: boolean;
  /** Dotted paths of the theme values that differ: `colors.primary`, `radius`, `logo`… */
  themeFields: string[];
  textsChanged: boolean;
  counts: {
    pagesAdded: number;
    pagesRemoved: number;
    pagesChanged: number;
    blocksAdded: number;
    blocksRemoved: number;
    blocksChanged: number;
  };
};

const PAGE_FIELDS: readonly PageFieldName[] = ['title', 'path', 'icon', 'inNav', 'visibility'];

/** Structural equality of JSON values (the document is plain JSON); key order does not matter. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  // An undefined value and a missing key mean the same once serialised.
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!jsonEqual(ao[k], bo[k])) return false;
  return true;
}

/** A page's display title: its first locale, as the runtime falls back to it. */
export function pageTitleOf(page: Pick<Page, 'title' | 'path'>): string {
  return Object.values(page.title)[0] || page.path;
}

const pageRef = (page: Page): PageRef => {
  let blockCount = 0;
  walk(page.blocks, () => {
    blockCount++;
  });
  return { pageId: page.id, title: pageTitleOf(page), path: page.path, blockCount };
};

type Placed = { node: BlockNode; container: string };

/** Every block of a forest by id, with the list it sits in (`parentId/slot`, or `` for the root). */
function placeBlocks(forest: readonly BlockNode[]): Map<string, Placed> {
  const out = new Map<string, Placed>();
  walk(forest, (node, ctx) => {
    out.set(node.id, { node, container: ctx.parentId === null ? '' : `${ctx.parentId}/${ctx.slot ?? ''}` });
  });
  return out;
}

/** The ids of each list in the forest, in order, keyed like `placeBlocks` containers. */
function listsOf(forest: readonly BlockNode[]): Map<string, string[]> {
  const lists = new Map<string, string[]>([['', forest.map((n) => n.id)]]);
  walk(forest, (node) => {
    for (const [slot, children] of Object.entries(node.slots ?? {})) lists.set(`${node.id}/${slot}`, children.map((c) => c.id));
  });
  return lists;
}

/**
 * Ids in `after` that changed order relative to the siblings they kept from `before`: the fewest
 * that must have moved (everything off one longest increasing run of old positions).
 */
function reordered(before: readonly string[], after: readonly string[]): string[] {
  const oldIndex = new Map(before.map((id, i) => [id, i]));
  const kept = after.filter((id) => oldIndex.has(id));
  const positions = kept.map((id) => oldIndex.get(id)!);
  // Longest increasing subsequence by patience sorting, keeping predecessors to recover it.
  const tails: number[] = [];
  const prev: number[] = new Array<number>(positions.length).fill(-1);
  positions.forEach((p, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (positions[tails[mid]!]! < p) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const stay = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i !== -1; i = prev[i]!) stay.add(i);
  return kept.filter((_, i) => !stay.has(i));
}

function changedPropNames(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((k) => !jsonEqual(a[k], b[k])).sort();
}

/** Blocks added, removed and changed between two versions of one page's forest. */
export function diffBlocks(before: readonly BlockNode[], after: readonly BlockNode[]): PageChange['blocks'] {
  const was = placeBlocks(before);
  const now = placeBlocks(after);
  const added: BlockRef[] = [];
  const removed: BlockRef[] = [];
  const changed: BlockChange[] = [];

  // A block whose type changed is another block that happens to reuse the id.
  const same = (id: string) => {
    const a = was.get(id);
    const b = now.get(id);
    return a !== undefined && b !== undefined && a.node.type === b.node.type;
  };

  const orderMoves = new Set<string>();
  const beforeLists = listsOf(before);
  for (const [container, ids] of listsOf(after)) {
    const old = beforeLists.get(container);
    if (!old) continue;
    const keptAfter = ids.filter((id) => same(id) && was.get(id)!.container === container);
    const keptBefore = old.filter((id) => same(id) && now.get(id)!.container === container);
    for (const id of reordered(keptBefore, keptAfter)) orderMoves.add(id);
  }

  walk(before, (node) => {
    if (!same(node.id)) removed.push({ id: node.id, type: node.type });
  });
  walk(after, (node) => {
    if (!same(node.id)) {
      added.push({ id: node.id, type: node.type });
      return;
    }
    const old = was.get(node.id)!;
    const moved = old.container !== now.get(node.id)!.container || orderMoves.has(node.id);
    // Tree operations share untouched nodes, so the same object means the same props.
    const props = old.node === node ? [] : changedPropNames(old.node.props, node.props);
    const visibility = old.node !== node && !jsonEqual(old.node.visibility, node.visibility);
    if (props.length || visibility || moved) changed.push({ id: node.id, type: node.type, props, visibility, moved });
  });
  return { added, removed, changed };
}

function themeDiff(a: Theme, b: Theme): string[] {
  const fields: string[] = [];
  const visit = (x: unknown, y: unknown, path: string) => {
    const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
    if (isObj(x) && isObj(y)) {
      for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) visit(x[k], y[k], path ? `${path}.${k}` : k);
    } else if (!jsonEqual(x, y)) {
      fields.push(path);
    }
  };
  visit(a, b, '');
  return fields.sort();
}

/** What changed from `before` to `after`. Identical documents give empty lists and `false` flags. */
export function diffDocuments(before: PortalDocument, after: PortalDocument): DocumentDiff {
  const beforePages = new Map(before.pages.map((p) => [p.id, p]));
  const afterIds = new Set(after.pages.map((p) => p.id));
  const added: PageRef[] = [];
  const changed: PageChange[] = [];
  for (const page of after.pages) {
    const old = beforePages.get(page.id);
    if (!old) {
      added.push(pageRef(page));
      continue;
    }
    if (old === page) continue;
    const fieldsChanged = PAGE_FIELDS.filter((f) => !jsonEqual(old[f], page[f]));
    const blocks = old.blocks === page.blocks ? { added: [], removed: [], changed: [] } : diffBlocks(old.blocks, page.blocks);
    if (fieldsChanged.length || blocks.added.length || blocks.removed.length || blocks.changed.length) {
      changed.push({ pageId: page.id, title: pageTitleOf(page), path: page.path, fieldsChanged, blocks });
    }
  }
  const removed = before.pages.filter((p) => !afterIds.has(p.id)).map(pageRef);
  const themeFields = before.theme === after.theme ? [] : themeDiff(before.theme, after.theme);
  const sum = (f: (c: PageChange) => number) => changed.reduce((n, c) => n + f(c), 0);
  return {
    pages: { added, removed, changed },
    navigationChanged: !jsonEqual(before.navigation, after.navigation),
    themeChanged: themeFields.length > 0,
    themeFields,
    textsChanged: !jsonEqual(before.texts, after.texts),
    counts: {
      pagesAdded: added.length,
      pagesRemoved: removed.length,
      pagesChanged: changed.length,
      blocksAdded: sum((c) => c.blocks.added.length),
      blocksRemoved: sum((c) => c.blocks.removed.length),
      blocksChanged: sum((c) => c.blocks.changed.length),
    },
  };
}

/** Whether a diff records any change at all. */
export function hasChanges(diff: DocumentDiff): boolean {
  const { pages } = diff;
  return pages.added.length > 0 || pages.removed.length > 0 || pages.changed.length > 0 || diff.navigationChanged || diff.themeChanged || diff.textsChanged;
}

/** A document with no pages, navigation or texts: what a never-published portal is compared with. */
export function emptyDocumentLike(doc: PortalDocument): PortalDocument {
  return { ...doc, pages: [], navigation: [], texts: {} };
}
