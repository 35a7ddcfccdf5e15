// Rich text reduced to the builder's allowlist, in the browser: parsed inert in a <template> (no
// scripts run, no images load), then rebuilt from allowed elements only.
import type { BlockNode } from '../../core';
import { getBlock, metaOf } from '../../blocks';
import { cleanRichHtml } from '../inspector/rich-text-html';

export function cleanHtml(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  return cleanRichHtml(template.content);
}

/** Blocks from outside (the clipboard) with every rich-text prop cleaned, recursively. */
export function cleanRichTextProps(nodes: readonly BlockNode[]): BlockNode[] {
  return nodes.map((node) => {
    const def = getBlock(node.type);
    let props = node.props;
    if (def) {
      for (const [key, schema] of Object.entries(def.props.shape)) {
        if (metaOf(schema as never).widget === 'richtext' && typeof props[key] === 'string') props = { ...props, [key]: cleanHtml(props[key] as string) };
      }
    }
    const slots = node.slots ? Object.fromEntries(Object.entries(node.slots).map(([k, v]) => [k, cleanRichTextProps(v)])) : undefined;
    return { ...node, props, ...(slots ? { slots } : {}) };
  });
}
