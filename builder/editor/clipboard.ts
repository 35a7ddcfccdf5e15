// Copy and paste of blocks through the system clipboard, as JSON text:
// `{ "portico": "blocks", "version": 1, "nodes": [...] }`, so blocks travel between pages, portals
// and Portico installations. Pasted text is untrusted: the envelope, every node's shape, and every
// block's type and props (against the block registry) are checked before anything is inserted, and
// pasted blocks get fresh ids. Without the async clipboard API (or its permission), an in-memory
// clipboard stands in within this tab.
import { z } from 'zod';
import { blockNodeSchema, CURRENT_SCHEMA_VERSION, defaultTheme, findNode, walk, type BlockNode, type PortalDocument } from '../../core';
import { getBlock, validateDocument } from '../../blocks';
import { cleanRichTextProps } from '../ui/clean-html';
import { editorStore, selectPageBlocks } from '../store/editor-store';
import { toast } from '../ui/toasts';
import { insertionLocation } from './canvas/commands';
import { childrenAt } from './dnd/tree-order';

export const CLIPBOARD_VERSION = 1;
/** Far more than anyone copies at once; keeps a hostile paste from freezing the tab. */
const MAX_PASTED_BLOCKS = 1000;

export function serializeBlocks(nodes: readonly BlockNode[]): string {
  return JSON.stringify({ portico: 'blocks', version: CLIPBOARD_VERSION, nodes });
}

const envelopeSchema = z.object({
  portico: z.literal('blocks'),
  version: z.number().int(),
  nodes: z.array(z.unknown()).min(1),
});

export type ParsedClipboard = { ok: true; nodes: BlockNode[] } | { ok: false; error: string };

const refuse = (error: string): ParsedClipboard => ({ ok: false, error });
const NOT_PORTICO = 'The clipboard does not hold Portico blocks.';

/** Checks clipboard text and returns the blocks it holds, with their props completed by defaults. */
export function parseClipboard(text: string): ParsedClipboard {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse(NOT_PORTICO);
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return refuse(NOT_PORTICO);
  if (envelope.data.version !== CLIPBOARD_VERSION) {
    return refuse(envelope.data.version > CLIPBOARD_VERSION ? 'These blocks come from a newer version of Portico and cannot be pasted here.' : NOT_PORTICO);
  }
  const nodes: BlockNode[] = [];
  for (const [i, raw] of envelope.data.nodes.entries()) {
    const shape = blockNodeSchema.safeParse(raw);
    if (!shape.success) {
      const issue = shape.error.issues[0];
      const at = issue?.path.length ? ` (${issue.path.join('.')})` : '';
      return refuse(`Block ${i + 1} on the clipboard is malformed: ${issue?.message ?? 'not a block'}${at}.`);
    }
    nodes.push(shape.data);
  }
  let count = 0;
  walk(nodes, () => {
    count++;
  });
  if (count > MAX_PASTED_BLOCKS) return refuse(`The clipboard holds ${count} blocks; at most ${MAX_PASTED_BLOCKS} can be pasted at once.`);
  // The registry's checks (types, props, slots, ids, depth) are the document validator's: run it on a
  // one-page document holding the nodes.
  const result = validateDocument(wrapInDocument(nodes));
  if (!result.ok) {
    const issue = result.issues[0]!;
    const node = issue.blockId ? findNode(nodes, issue.blockId)?.node : undefined;
    // An unknown type says so itself; other problems name the block and the field.
    const label = node && issue.field !== 'type' ? (getBlock(node.type)?.label ?? node.type) : null;
    const where = label ? `${label}${issue.field ? `, ${issue.field}` : ''}: ` : '';
    return refuse(`Cannot paste: ${where}${issue.message}.`);
  }
  return { ok: true, nodes: result.document.pages[0]!.blocks };
}

function wrapInDocument(nodes: BlockNode[]): PortalDocument {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    pages: [{ id: 'clipboard', path: '/', title: { en: 'Clipboard' }, inNav: false, blocks: nodes }],
    navigation: [],
    theme: defaultTheme,
    texts: {},
  };
}

// The tab's own copy: used when the system clipboard cannot be read or written.
let memory: string | null = null;

/** Remembers text as the tab's clipboard too (the copy event writes the system clipboard itself). */
export function rememberCopied(text: string): void {
  memory = text;
}

export const memoryClipboard = () => memory;

/** Writes blocks to the system clipboard, falling back to the in-memory one. */
export async function writeBlocks(nodes: readonly BlockNode[]): Promise<void> {
  const text = serializeBlocks(nodes);
  memory = text;
  try {
    await navigator.clipboard?.writeText(text);
  } catch {
    // No permission or no secure context: the in-memory copy serves pastes in this tab.
  }
}

/** Reads clipboard text, falling back to the in-memory clipboard. */
export async function readClipboardText(): Promise<string> {
  try {
    const text = await navigator.clipboard?.readText();
    if (text) return text;
  } catch {
    // Refused or unavailable.
  }
  return memory ?? '';
}

/** Copies the selected block; false when nothing is selected. */
export function copySelected(): boolean {
  const s = editorStore.getState();
  const node = s.selectedId ? findNode(selectPageBlocks(s), s.selectedId)?.node : undefined;
  if (!node) return false;
  void writeBlocks([node]);
  toast(`Copied ${getBlock(node.type)?.label ?? 'block'}.`);
  return true;
}

/** Pastes clipboard text after the selected block (or at the end of the page), if it is valid. */
export function pasteText(text: string): boolean {
  const s = editorStore.getState();
  if (!s.pageId) return false;
  const parsed = parseClipboard(text);
  if (!parsed.ok) {
    toast(parsed.error, 'error');
    return false;
  }
  const blocks = selectPageBlocks(s);
  const at = insertionLocation(blocks, s.selectedId);
  // The server sanitizes rich text when the draft is saved; the canvas shows it before that.
  if (!s.dispatch({ type: 'pasteBlocks', pageId: s.pageId, nodes: cleanRichTextProps(parsed.nodes), at })) {
    toast(s.lastError ?? 'The blocks could not be pasted.', 'error');
    s.clearError();
    return false;
  }
  // The reducer gave the copies fresh ids: select the first one where it landed.
  const after = editorStore.getState();
  const list = childrenAt(selectPageBlocks(after), at.parentId, at.slot ?? null);
  const first = list?.[Math.min(at.index, list.length - 1)];
  if (first) after.select(first.id);
  const n = parsed.nodes.length;
  toast(n === 1 ? `Pasted ${getBlock(parsed.nodes[0]!.type)?.label ?? 'block'}.` : `Pasted ${n} blocks.`);
  return true;
}

/** Paste from a button: reads the clipboard (asking for permission if needed). */
export async function pasteFromClipboard(): Promise<boolean> {
  return pasteText(await readClipboardText());
}
