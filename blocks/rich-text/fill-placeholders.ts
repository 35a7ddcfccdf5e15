// Fills {{user.firstName}}, {{user.lastName}}, {{user.email}} and {{portal.name}} in rich text that the
// server has already sanitized. Values come from end users (a name can be `<script>`), so they are escaped
// for where they land: HTML-escaped in text; inside a tag (an attribute such as href="mailto:{{user.email}}")
// URL-encoded, so a value can never close the attribute or turn a link into "javascript:".
import type { RenderContext } from '../_lib/define-block';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}/g;

/** The placeholders admins can use, for the inspector's help text. */
export const PLACEHOLDERS = ['user.firstName', 'user.lastName', 'user.email', 'portal.name'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Safe in any attribute value: no quotes, no "<", ">", "&" or ":" survive. "@" stays readable for mailto:. */
function encodeForAttribute(value: string): string {
  return encodeURIComponent(value).replace(/'/g, '%27').replace(/%40/g, '@');
}

function valuesFor(ctx: Pick<RenderContext, 'user' | 'portal'>): Record<Placeholder, string> {
  return {
    'user.firstName': ctx.user?.firstName ?? '',
    'user.lastName': ctx.user?.lastName ?? '',
    'user.email': ctx.user?.email ?? '',
    'portal.name': ctx.portal.name,
  };
}

/** Unknown placeholders and, for an anonymous viewer, user placeholders become empty strings. */
export function fillPlaceholders(html: string, ctx: Pick<RenderContext, 'user' | 'portal'>): string {
  if (!html.includes('{{')) return html;
  const values = valuesFor(ctx);
  const fill = (chunk: string, encode: (value: string) => string) =>
    chunk.replace(PLACEHOLDER, (_match, key: string) => (Object.hasOwn(values, key) ? encode(values[key as Placeholder]) : ''));
  // Sanitized markup never holds a raw ">" inside an attribute value, so this split finds every tag.
  return html
    .split(/(<[^>]*>)/)
    .map((part, i) => (i % 2 === 1 ? fill(part, encodeForAttribute) : fill(part, escapeHtml)))
    .join('');
}
