// Turns what a contenteditable produced into the small HTML the rich-text block stores: paragraphs,
// h2–h4, lists, links, bold, italic. Browsers emit <div>, <b>, <span style>, and pasted markup; this
// keeps only the allowlist (the server sanitizes again on save). Written against a minimal node
// shape rather than the DOM, so it runs, and is tested, without a browser.
import { isSafeHref } from '../../blocks/_lib/safe-href';

export type MiniNode = {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<MiniNode>;
  getAttribute?: (name: string) => string | null;
};

const TEXT = 3;
const ELEMENT = 1;

/** Tags kept as they are (after renaming), grouped by whether they start a block. */
const RENAME: Record<string, string> = {
  B: 'strong', STRONG: 'strong', I: 'em', EM: 'em', U: 'u', S: 's', STRIKE: 's', DEL: 's', CODE: 'code',
  A: 'a', BR: 'br',
  P: 'p', DIV: 'p', H1: 'h2', H2: 'h2', H3: 'h3', H4: 'h4', H5: 'h4', H6: 'h4',
  UL: 'ul', OL: 'ol', LI: 'li', BLOCKQUOTE: 'blockquote', PRE: 'pre',
};
const BLOCK = new Set(['p', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'pre']);
/** Dropped with everything inside them. */
const DROP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'HEAD', 'META', 'TITLE', 'LINK', 'svg', 'SVG', 'MATH']);

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
}

const escapeAttr = (v: string) => escapeText(v).replace(/"/g, '&quot;');

type Piece = { html: string; block: boolean };

/** `inBlock`: inside a paragraph, heading or list item, where a nested <div>/<p> is unwrapped. */
function cleanChildren(node: MiniNode, inBlock: boolean): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < node.childNodes.length; i++) out.push(...cleanNode(node.childNodes[i]!, inBlock));
  return out;
}

function join(pieces: Piece[]): string {
  return pieces.map((p) => p.html).join('');
}

function cleanNode(node: MiniNode, inBlock: boolean): Piece[] {
  if (node.nodeType === TEXT) return node.nodeValue ? [{ html: escapeText(node.nodeValue), block: false }] : [];
  if (node.nodeType !== ELEMENT || DROP.has(node.nodeName)) return [];
  const tag = RENAME[node.nodeName.toUpperCase()];
  if (!tag) return cleanChildren(node, inBlock);
  if (tag === 'br') return [{ html: '<br>', block: false }];
  if (tag === 'a') {
    const href = node.getAttribute?.('href')?.trim() ?? '';
    const inner = join(cleanChildren(node, true));
    if (!isSafeHref(href)) return inner ? [{ html: inner, block: false }] : [];
    return inner ? [{ html: `<a href="${escapeAttr(href)}">${inner}</a>`, block: false }] : [];
  }
  if ((tag === 'p' || tag === 'h2' || tag === 'h3' || tag === 'h4') && inBlock) {
    // A block inside a block: keep its text, on a line of its own.
    const inner = join(cleanChildren(node, true));
    return inner ? [{ html: `${inner}<br>`, block: false }] : [];
  }
  if (tag === 'ul' || tag === 'ol') {
    const items = cleanChildren(node, false)
      .filter((p) => p.block || p.html.trim() !== '')
      .map((p) => (p.html.startsWith('<li>') ? p.html : `<li>${p.html}</li>`));
    const kept = items.filter((li) => !isBlank(li));
    return kept.length ? [{ html: `<${tag}>${kept.join('')}</${tag}>`, block: true }] : [];
  }
  if (tag === 'p' || tag === 'h2' || tag === 'h3' || tag === 'h4') {
    // Browsers nest a list in a paragraph (<p><ul>…</ul></p>): split the paragraph around it.
    const out: Piece[] = [];
    let inline = '';
    const flush = () => {
      if (inline !== '' || out.length === 0) out.push({ html: `<${tag}>${inline}</${tag}>`, block: true });
      inline = '';
    };
    for (const piece of cleanChildren(node, true)) {
      if (piece.block) {
        if (inline.trim() !== '') flush();
        inline = '';
        out.push(piece);
      } else {
        inline += piece.html;
      }
    }
    if (inline.trim() !== '' || out.length === 0) flush();
    return out;
  }
  const inner = join(cleanChildren(node, BLOCK.has(tag) || inBlock));
  if (!BLOCK.has(tag)) return inner ? [{ html: `<${tag}>${inner}</${tag}>`, block: false }] : [];
  return [{ html: `<${tag}>${inner}</${tag}>`, block: true }];
}

/** True when a fragment shows nothing: only breaks, spaces and empty tags. */
function isBlank(html: string): boolean {
  return html.replace(/<[^>]*>|&nbsp;|\s/g, '') === '';
}

/**
 * The editor's content as stored HTML. Loose inline content at the top level (what a browser
 * leaves on the first line) is wrapped in paragraphs; an empty editor gives "".
 */
export function cleanRichHtml(root: MiniNode): string {
  const pieces = cleanChildren(root, false);
  const out: string[] = [];
  let inline = '';
  const flush = () => {
    if (inline.trim() !== '') out.push(`<p>${inline.replace(/(<br>)+$/, '') || '<br>'}</p>`);
    inline = '';
  };
  for (const piece of pieces) {
    if (piece.block) {
      flush();
      out.push(piece.html);
    } else {
      inline += piece.html;
    }
  }
  flush();
  const html = out.join('');
  return isBlank(html) ? '' : html;
}

/** Pasted plain text as paragraphs: blank lines separate paragraphs, single newlines become breaks. */
export function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${p.split('\n').map(escapeText).join('<br>')}</p>`)
    .join('');
}
