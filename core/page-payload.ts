// What the server sends to render a portal page: the same object is rendered to HTML on the server,
// embedded for hydration, and returned by `portal.page` for client-side navigation. It contains only
// what the viewer may see: blocks are already filtered.
import type { BlockNode, Theme } from './schema/document';

export type NavItem = { id: string; title: string; href: string; icon?: string; current: boolean };

/**
 * A portal's own account pages (sign-in, registration, password reset, invitation, profile …):
 * rendered by the runtime from this description instead of from blocks. `valid` says whether a
 * link's token can still be used (looked at, not used: opening a link changes nothing).
 */
export type AuthView =
  | { kind: 'login'; next: string; allowRegistration: boolean; magicLink: boolean }
  | { kind: 'register'; minPasswordLength: number }
  | { kind: 'forgot-password' }
  | { kind: 'reset-password'; token: string; valid: boolean; minPasswordLength: number }
  | { kind: 'invite'; token: string; valid: boolean; email: string; name: string; minPasswordLength: number }
  | { kind: 'confirm-email'; token: string; valid: boolean }
  | { kind: 'magic-link'; token: string; valid: boolean; next: string }
  | { kind: 'profile'; name: string; email: string; minPasswordLength: number };

export type PagePayload = {
  status: 200 | 404;
  portal: { name: string; slug: string; basePath: string; locale: string };
  page: { id: string; path: string; title: string; params: Record<string, string>; blocks: BlockNode[] };
  nav: NavItem[];
  theme: Omit<Theme, 'customCss'>;
  user: { firstName: string; lastName: string; email: string } | null;
  /** Results of the visible data blocks' requests, by block id. */
  data: Record<string, unknown>;
  /** Per block with actions: which of them the viewer may run. */
  can: Record<string, Record<string, boolean>>;
  /** Set on the portal's account pages, which have no blocks. */
  auth?: AuthView;
};

/** Joins a portal base and a portal-relative path: ('/p/acme', '/') → '/p/acme/', ('', '/x') → '/x'. */
export function portalHref(basePath: string, path: string): string {
  if (path === '/' || path === '') return `${basePath}/`;
  return `${basePath}${path.startsWith('/') ? path : `/${path}`}`;
}
