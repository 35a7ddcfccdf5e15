// Validates a portal document against its schema and the block registry. Problems name the block id
// and the field, so an admin (or a tool) can find them. On success, props carry their defaults.
import {
  fromZodIssues,
  portalDocumentSchema,
  reservedPagePath,
  type BlockNode,
  type DocumentIssue,
  type PortalDocument,
} from '../core';
import { slotNamesOf } from './_lib/define-block';
import { getBlock } from './registry';

export type ValidationResult = { ok: true; document: PortalDocument } | { ok: false; issues: DocumentIssue[] };

const MAX_DEPTH = 12;
const MAX_BLOCKS = 5000;

export function validateDocument(input: unknown): ValidationResult {
  const shape = portalDocumentSchema.safeParse(input);
  if (!shape.success) return { ok: false, issues: fromZodIssues(shape.error.issues) };
  const doc = shape.data;
  const issues: DocumentIssue[] = [];
  const blockIds = new Set<string>();
  let blockCount = 0;

  const checkNodes = (nodes: BlockNode[], path: (string | number)[], depth: number): BlockNode[] =>
    nodes.map((node, index) => {
      const at = [...path, index];
      blockCount++;
      if (blockIds.has(node.id)) issues.push({ path: [...at, 'id'], blockId: node.id, field: 'id', message: 'duplicate block id' });
      blockIds.add(node.id);
      if (depth > MAX_DEPTH) {
        issues.push({ path: at, blockId: node.id, message: `blocks nest at most ${MAX_DEPTH} levels deep` });
        return node;
      }
      const def = getBlock(node.type);
      if (!def) {
        issues.push({ path: [...at, 'type'], blockId: node.id, field: 'type', message: `unknown block type "${node.type}"` });
        return node;
      }
      const parsed = def.props.safeParse(node.props);
      if (!parsed.success) {
        for (const i of fromZodIssues(parsed.error.issues, [...at, 'props'])) issues.push({ ...i, blockId: node.id });
        return node;
      }
      const allowed = slotNamesOf(def, parsed.data);
      const slots: Record<string, BlockNode[]> = {};
      for (const [name, children] of Object.entries(node.slots ?? {})) {
        if (!allowed.includes(name)) {
          issues.push({
            path: [...at, 'slots', name],
            blockId: node.id,
            field: `slots.${name}`,
            message: allowed.length ? `no slot "${name}" (slots: ${allowed.join(', ')})` : `"${node.type}" has no slots`,
          });
          continue;
        }
        slots[name] = checkNodes(children, [...at, 'slots', name], depth + 1);
      }
      const out: BlockNode = { id: node.id, type: node.type, props: parsed.data };
      if (Object.keys(slots).length) out.slots = slots;
      if (node.visibility) out.visibility = node.visibility;
      return out;
    });

  const pageIds = new Set<string>();
  const paths = new Map<string, string>();
  const pages = doc.pages.map((page, i) => {
    if (pageIds.has(page.id)) issues.push({ path: ['pages', i, 'id'], field: 'id', message: `duplicate page id "${page.id}"` });
    pageIds.add(page.id);
    const shapeKey = page.path.replace(/:[^/]+/g, ':');
    const reserved = reservedPagePath(page.path);
    if (reserved) issues.push({ path: ['pages', i, 'path'], field: 'path', message: reserved });
    const clash = paths.get(shapeKey);
    if (clash) issues.push({ path: ['pages', i, 'path'], field: 'path', message: `path "${page.path}" clashes with page "${clash}"` });
    paths.set(shapeKey, page.id);
    return { ...page, blocks: checkNodes(page.blocks, ['pages', i, 'blocks'], 1) };
  });
  if (blockCount > MAX_BLOCKS) issues.push({ path: ['pages'], message: `a document holds at most ${MAX_BLOCKS} blocks` });
  const nav = new Set<string>();
  doc.navigation.forEach((id, i) => {
    if (!pageIds.has(id)) issues.push({ path: ['navigation', i], message: `navigation names unknown page "${id}"` });
    if (nav.has(id)) issues.push({ path: ['navigation', i], message: `navigation names page "${id}" twice` });
    nav.add(id);
  });
  if (!doc.pages.some((p) => p.path === '/')) issues.push({ path: ['pages'], message: 'a portal needs a home page with path "/"' });

  return issues.length ? { ok: false, issues } : { ok: true, document: { ...doc, pages } };
}
