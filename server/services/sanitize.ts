// Rich text is sanitized on the server with an allowlist, when a draft is saved and again before a
// published page is rendered: what reaches a browser is never raw admin input.
import sanitizeHtml from 'sanitize-html';
import type { BlockNode, PortalDocument } from '../../core';
import { getBlock, metaOf } from '../../blocks';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'a', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'blockquote', 'code', 'pre', 'hr', 'span'],
  allowedAttributes: { a: ['href', 'title', 'target', 'rel'] },
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: attribs.target === '_blank' ? { ...attribs, rel: 'noopener noreferrer' } : attribs,
    }),
  },
};

export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

/** Names of the props of a block type that carry rich text, cached per type. */
const richTextProps = new Map<string, string[]>();
function richPropsOf(type: string): string[] {
  let names = richTextProps.get(type);
  if (!names) {
    const def = getBlock(type);
    names = def ? Object.entries(def.props.shape).filter(([, s]) => metaOf(s as never).widget === 'richtext').map(([k]) => k) : [];
    richTextProps.set(type, names);
  }
  return names;
}

function sanitizeNodes(nodes: BlockNode[]): BlockNode[] {
  return nodes.map((n) => {
    const rich = richPropsOf(n.type);
    let props = n.props;
    if (rich.length) {
      props = { ...props };
      for (const k of rich) if (typeof props[k] === 'string') props[k] = sanitizeRichText(props[k]);
    }
    const slots = n.slots ? Object.fromEntries(Object.entries(n.slots).map(([k, v]) => [k, sanitizeNodes(v)])) : undefined;
    return { ...n, props, ...(slots ? { slots } : {}) };
  });
}

export function sanitizeDocument(doc: PortalDocument): PortalDocument {
  return { ...doc, pages: doc.pages.map((p) => ({ ...p, blocks: sanitizeNodes(p.blocks) })) };
}
