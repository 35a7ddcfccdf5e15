// Where every block is: page, parent, slot and position. Keystrokes (props edits) leave the shape,
// and so this index, untouched; structural edits rebuild only the page they touched. Looking a
// node up walks its ancestors: O(depth), not O(page).
import type { BlockNode, PortalDocument } from '../../core';

export type BlockLocation = { pageId: string; parentId: string | null; slot: string | null; index: number };
export type BlockIndex = ReadonlyMap<string, BlockLocation>;

function indexNodes(out: Map<string, BlockLocation>, pageId: string, nodes: readonly BlockNode[], parentId: string | null, slot: string | null): void {
  nodes.forEach((node, index) => {
    out.set(node.id, { pageId, parentId, slot, index });
    if (node.slots) for (const [name, children] of Object.entries(node.slots)) indexNodes(out, pageId, children, node.id, name);
  });
}

export function buildIndex(doc: PortalDocument): BlockIndex {
  const out = new Map<string, BlockLocation>();
  for (const page of doc.pages) indexNodes(out, page.id, page.blocks, null, null);
  return out;
}

/** A new index with one page's entries rebuilt (pages removed from the document are dropped). */
export function reindexPage(index: BlockIndex, doc: PortalDocument, pageId: string): BlockIndex {
  const out = new Map<string, BlockLocation>();
  for (const [id, loc] of index) if (loc.pageId !== pageId) out.set(id, loc);
  const page = doc.pages.find((p) => p.id === pageId);
  if (page) indexNodes(out, page.id, page.blocks, null, null);
  return out;
}

export function nodeById(doc: PortalDocument, index: BlockIndex, id: string): BlockNode | undefined {
  const loc = index.get(id);
  if (!loc) return undefined;
  if (loc.parentId === null) return doc.pages.find((p) => p.id === loc.pageId)?.blocks[loc.index];
  const parent = nodeById(doc, index, loc.parentId);
  return parent?.slots?.[loc.slot!]?.[loc.index];
}

/** Ids from the root down to the block (the block included): for breadcrumbs and the outline. */
export function ancestorsOf(index: BlockIndex, id: string): string[] {
  const chain: string[] = [];
  for (let cur: string | null = id; cur; cur = index.get(cur)?.parentId ?? null) chain.unshift(cur);
  return chain;
}
