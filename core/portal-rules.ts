// Rules for a portal's address, shared by the server (which enforces them) and the builder (which
// explains them before a round trip): slugs under /p/ and custom host names.
import { z } from 'zod';

/** Slugs Portico's own routes use. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(['admin', 'api', 'p', 'portal', 'healthz', 'uploads', 'assets', 'static', 'www']);
/**
 * First path segments a portal keeps for itself: its account pages, secure links and its API. A
 * document page there would be shadowed (or would shadow an account page once it is switched on).
 */
export const RESERVED_PAGE_SEGMENTS: ReadonlySet<string> = new Set([
  'login', 'register', 'forgot-password', 'reset-password', 'invite', 'confirm-email', 'magic-link', 'profile', 's', '_api',
]);
/** Why a page path is not available, or null. */
export function reservedPagePath(path: string): string | null {
  const first = path.split('/')[1] ?? '';
  return RESERVED_PAGE_SEGMENTS.has(first) ? `"/${first}" is reserved for the portal's own ${first === '_api' ? 'API' : first === 's' ? 'secure links' : 'account pages'}` : null;
}
export const SLUG_MIN = 2;
export const SLUG_MAX = 40;
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*[a-z0-9]$/;
export const HOST_NAME_PATTERN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const slugSchema = z
  .string()
  .min(SLUG_MIN, `a slug has at least ${SLUG_MIN} characters`)
  .max(SLUG_MAX)
  .regex(SLUG_PATTERN, 'a slug uses lower-case letters, digits and inner hyphens')
  .refine((s) => !RESERVED_SLUGS.has(s), 'this slug is reserved');

export const domainSchema = z
  .string()
  .max(253)
  .transform((d) => d.toLowerCase())
  .pipe(z.string().regex(HOST_NAME_PATTERN, 'not a valid host name (e.g. portal.example.com)'));
