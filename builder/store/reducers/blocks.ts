// Reducers for block edits: each maps one action to the pure core/tree operation on one page.
import {
  cloneWithFreshIds,
  duplicateNode,
  findNode,
  insertNode,
  moveNode,
  newId,
  removeNode,
  setVisibility,
  updateProps,
  type BlockNode,
  type PortalDocument,
} from '../../../core';
import { getBlock, slotNamesOf } from '../../../blocks';
import type { ActionOf } from '../actions';

export class EditError extends Error {}

/** Applies `fn` to one page's blocks; the same document comes back when nothing changed. */
export function onPage(doc: PortalDocument, pageId: string, fn: (blocks: BlockNode[]) => BlockNode[]): PortalDocument {
  const i = doc.pages.findIndex((p) => p.id === pageId);
  if (i < 0) throw new EditError(`no page "${pageId}"`);
  const page = doc.pages[i]!;
  const blocks = fn(page.blocks);
  return blocks === page.blocks ? doc : { ...doc, pages: doc.pages.with(i, { ...page, blocks }) };
}

export const insertBlock = (doc: PortalDocument, a: ActionOf<'insertBlock'>) => onPage(doc, a.pageId, (b) => insertNode(b, a.node, a.at));
export const moveBlock = (doc: PortalDocument, a: ActionOf<'moveBlock'>) => onPage(doc, a.pageId, (b) => moveNode(b, a.id, a.to));
export const removeBlock = (doc: PortalDocument, a: ActionOf<'removeBlock'>) => onPage(doc, a.pageId, (b) => removeNode(b, a.id));
/**
 * Merges a props patch. Props can decide a block's slots (columns' count, tabs' list): a slot the
 * new props no longer name is dropped when empty and refused while it still holds blocks, so the
 * document stays valid and nothing disappears.
 */
export function updateBlockProps(doc: PortalDocument, a: ActionOf<'updateProps'>): PortalDocument {
  return onPage(doc, a.pageId, (blocks) => {
    const next = updateProps(blocks, a.id, a.patch);
    const node = findNode(next, a.id)?.node;
    const def = node && getBlock(node.type);
    if (!node?.slots || !def) return next;
    const parsed = def.props.safeParse(node.props);
    if (!parsed.success) return next;
    const named = new Set(slotNamesOf(def, parsed.data));
    const gone = Object.keys(node.slots).filter((name) => !named.has(name));
    if (gone.length === 0) return next;
    const occupied = gone.filter((name) => (node.slots![name]?.length ?? 0) > 0);
    if (occupied.length) throw new EditError(`Move the blocks out of “${occupied.join('”, “')}” first: that slot would disappear.`);
    const slots = Object.fromEntries(Object.entries(node.slots).filter(([name]) => named.has(name)));
    return mapTree(next, a.id, (n) => ({ ...n, slots }));
  });
}

/** Replaces one node via the core update (props untouched), keeping structural sharing. */
function mapTree(blocks: BlockNode[], id: string, fn: (n: BlockNode) => BlockNode): BlockNode[] {
  return blocks.map((b) => {
    if (b.id === id) return fn(b);
    if (!b.slots) return b;
    let changed = false;
    const slots = Object.fromEntries(
      Object.entries(b.slots).map(([k, v]) => {
        const nv = mapTree(v, id, fn);
        if (nv.some((x, i) => x !== v[i])) changed = true;
        return [k, nv];
      }),
    );
    return changed ? { ...b, slots } : b;
  });
}
export const setBlockVisibility = (doc: PortalDocument, a: ActionOf<'setVisibility'>) => onPage(doc, a.pageId, (b) => setVisibility(b, a.id, a.visibility));

export function duplicateBlock(doc: PortalDocument, a: ActionOf<'duplicateBlock'>): PortalDocument {
  let first = true;
  // The root id may be chosen by the caller so it can select the copy.
  const makeId = () => {
    if (first && a.newRootId) {
      first = false;
      return a.newRootId;
    }
    first = false;
    return newId('b');
  };
  return onPage(doc, a.pageId, (b) => duplicateNode(b, a.id, makeId).forest);
}

/** Pastes copies with fresh ids, so pasting twice (or into another portal) never clashes. */
export function pasteBlocks(doc: PortalDocument, a: ActionOf<'pasteBlocks'>): PortalDocument {
  return onPage(doc, a.pageId, (blocks) =>
    a.nodes.reduce((acc, node, i) => insertNode(acc, cloneWithFreshIds(node, () => newId('b')), { ...a.at, index: a.at.index + i }), blocks),
  );
}
