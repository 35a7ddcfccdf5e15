// The palette's model, pure: blocks grouped by category in a fixed order, filtered by a search over
// label, description and type. Empty categories disappear.
import type { BlockCategory, BlockDefinition } from '../../../blocks';

export const CATEGORIES: readonly { id: BlockCategory; label: string }[] = [
  { id: 'layout', label: 'Layout' },
  { id: 'content', label: 'Content' },
  { id: 'navigation', label: 'Navigation' },
  { id: 'data', label: 'Data' },
  { id: 'self-service', label: 'Self-service' },
];

export type PaletteGroup = { id: BlockCategory; label: string; blocks: BlockDefinition[] };

/** Every word of the query must appear in the block's label, description or type. */
export function matchesQuery(def: Pick<BlockDefinition, 'label' | 'description' | 'type'>, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = `${def.label} ${def.description} ${def.type.replace(/-/g, ' ')} ${def.type}`.toLowerCase();
  return words.every((w) => haystack.includes(w));
}

export function groupBlocks(defs: readonly BlockDefinition[], query: string): PaletteGroup[] {
  return CATEGORIES.map(({ id, label }) => ({ id, label, blocks: defs.filter((d) => d.category === id && matchesQuery(d, query)) })).filter((g) => g.blocks.length > 0);
}
