// Turns a document diff (core/diff.ts) into the short phrases the publish dialog shows. Pure: block
// and prop labels come in as functions, so this has no registry dependency and is easy to test.
import type { BlockChange, BlockRef, DocumentDiff } from '../../core';

export type TypeCount = { type: string; label: string; count: number };

/** Blocks grouped by type, most frequent first (ties in order of appearance). */
export function countByType(refs: readonly BlockRef[], labelOf: (type: string) => string): TypeCount[] {
  const byType = new Map<string, TypeCount>();
  for (const r of refs) {
    const entry = byType.get(r.type);
    if (entry) entry.count++;
    else byType.set(r.type, { type: r.type, label: labelOf(r.type), count: 1 });
  }
  return [...byType.values()].sort((a, b) => b.count - a.count);
}

/** "2 × Heading, Card" */
export function formatTypeCounts(counts: readonly TypeCount[]): string {
  return counts.map((c) => (c.count > 1 ? `${c.count} × ${c.label}` : c.label)).join(', ');
}

/** "Title and Subtitle edited, moved, visibility changed" for one changed block. */
export function describeBlockChange(change: BlockChange, propLabel: (prop: string) => string): string {
  const parts: string[] = [];
  if (change.props.length) parts.push(`${joinWords(change.props.map(propLabel))} edited`);
  if (change.moved) parts.push('moved');
  if (change.visibility) parts.push('visibility changed');
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const THEME_LABELS: Record<string, string> = {
  'colors.primary': 'primary colour',
  'colors.primaryText': 'text on primary',
  'colors.background': 'background',
  'colors.surface': 'surface',
  'colors.text': 'text colour',
  'colors.muted': 'muted text',
  'colors.border': 'borders',
  'colors.success': 'success colour',
  'colors.warning': 'warning colour',
  'colors.danger': 'danger colour',
  'fonts.body': 'body font',
  'fonts.heading': 'heading font',
  radius: 'corner radius',
  mode: 'colour mode',
  logo: 'logo',
  favicon: 'favicon',
  customCss: 'custom CSS',
};

/** "primary colour, corner radius and logo" */
export function describeThemeChange(fields: readonly string[]): string {
  return joinWords(fields.map((f) => THEME_LABELS[f] ?? f));
}

/** "a, b and c" */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One line for the whole diff: "1 page added · 4 blocks (4 changed) · theme changed". Empty when nothing changed. */
export function summarizeDiff(diff: DocumentDiff): string {
  const { counts } = diff;
  const parts: string[] = [];
  if (counts.pagesAdded) parts.push(`${plural(counts.pagesAdded, 'page')} added`);
  if (counts.pagesRemoved) parts.push(`${plural(counts.pagesRemoved, 'page')} removed`);
  const blocks = counts.blocksAdded + counts.blocksRemoved + counts.blocksChanged;
  if (blocks) {
    const detail = [
      counts.blocksAdded ? `${counts.blocksAdded} added` : '',
      counts.blocksRemoved ? `${counts.blocksRemoved} removed` : '',
      counts.blocksChanged ? `${counts.blocksChanged} changed` : '',
    ].filter(Boolean);
    parts.push(`${plural(blocks, 'block')} (${detail.join(', ')})`);
  }
  const pagesEditedOnly = diff.pages.changed.filter((p) => p.fieldsChanged.length).length;
  if (pagesEditedOnly) parts.push(`${plural(pagesEditedOnly, 'page setting', 'page settings')} changed`);
  if (diff.themeChanged) parts.push('theme changed');
  if (diff.navigationChanged) parts.push('navigation changed');
  if (diff.textsChanged) parts.push('texts changed');
  return parts.join(' · ');
}
