// Turns a stored link into anchor attributes: portal paths go through ctx.href, web links open in a new
// tab without an opener or referrer. Unsafe values (say, an unvalidated draft in the builder) get no href.
import type { RenderContext } from './define-block';
import { isPortalPath, isSafeHref, isWebUrl } from './safe-href';
import { UI_TEXT } from './ui-text';

export type LinkAttrs = { href?: string; target?: '_blank'; rel?: string };

export function linkAttrs(href: string, ctx: RenderContext): LinkAttrs {
  if (!isSafeHref(href)) return {};
  if (isPortalPath(href)) return { href: ctx.href(href) };
  if (isWebUrl(href)) return { href, target: '_blank', rel: 'noopener noreferrer' };
  return { href };
}

/** Tells screen reader users that a link opens a new tab (sighted users see the external icon). */
export function NewTabHint({ attrs }: { attrs: LinkAttrs }) {
  return attrs.target === '_blank' ? <span className="pb-sr-only">{` (${UI_TEXT.opensInNewTab})`}</span> : null;
}

/** `tel:` URL for a phone number as people write it ("+49 30 1234-567" → "tel:+49301234-567"). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+().-]/g, '')}`;
}
