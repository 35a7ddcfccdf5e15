// safeHref: the one schema every link prop uses. A link is a portal path ("/invoices") or an
// https:, http:, mailto: or tel: address; "//evil.example", "javascript:", "data:" and the rest are refused.
import { z } from 'zod';

export const SAFE_HREF_MESSAGE =
  'links must be a portal path starting with a single "/" (like /invoices) or an https:, http:, mailto: or tel: address';

const MAX_HREF = 2000;

/** A portal-relative path: one leading "/", never "//" or "/\" (both mean another host to a browser). */
export function isPortalPath(href: string): boolean {
  return href.startsWith('/') && !/^\/[/\\]/.test(href);
}

/** An absolute http(s) URL with a host. */
export function isWebUrl(href: string): boolean {
  if (!/^https?:\/\/[^/\\?#]/i.test(href)) return false;
  try {
    const url = new URL(href);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** True for the only targets a block may link to. Whitespace and control characters are refused outright:
 *  browsers strip some of them inside schemes, which is how "java\tscript:" slips past naive checks. */
export function isSafeHref(href: string): boolean {
  if (href === '' || href.length > MAX_HREF) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f\\]/.test(href)) return false;
  if (isPortalPath(href)) return true;
  if (isWebUrl(href)) return true;
  if (/^mailto:[^@?]+@[^@?]+(\?.*)?$/i.test(href)) return true;
  return /^tel:\+?[0-9][0-9().-]*$/i.test(href);
}

/** A required link. Surrounding spaces (from pasting) are trimmed before the check. */
export const safeHref = z.string().trim().max(MAX_HREF).refine(isSafeHref, SAFE_HREF_MESSAGE);

/** An optional link: empty means "no link". A string rather than a union, so the inspector can edit it. */
export const safeHrefOrEmpty = z
  .string()
  .trim()
  .max(MAX_HREF)
  .refine((v) => v === '' || isSafeHref(v), SAFE_HREF_MESSAGE);
