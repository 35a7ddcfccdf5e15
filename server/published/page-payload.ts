// Builds the payload of a portal page for a viewer: match the path, check the page's visibility,
// filter the block tree, build the navigation. What the viewer may not see never gets in. Also the
// payload of the account pages (sign-in, profile …), which share the header and navigation.
import {
  type AuthView,
  decideVisibility,
  filterBlocks,
  matchPage,
  pickText,
  portalHref,
  type BlockNode,
  type HiddenBlock,
  type Page,
  type PagePayload,
  type PortalDocument,
  type Requirement,
  type Viewer,
} from '../../core';
import { getBlock } from '../../blocks';
import type { PreparedVersion } from './version-cache';
import type { ResolvedPortal } from './resolve-portal';

export const requirementsOf = (node: BlockNode): readonly Requirement[] => getBlock(node.type)?.requires?.(node.props as never) ?? [];

export type PayloadUser = PagePayload['user'];

/**
 * `requiresSignIn`: the path names a page an anonymous visitor may not see but a signed-in user
 * might (audience or roles), so the visitor is sent to sign in rather than shown a 404.
 */
export type PageResult = { payload: PagePayload; hidden: HiddenBlock[]; requiresSignIn: boolean };

type Filtered = { blocks: BlockNode[]; hidden: HiddenBlock[] };

/**
 * Published pages are immutable and the filter is a pure function of the page and the viewer's
 * decisions, so its result is kept per page object and viewer key. The stable array identity also
 * lets the serialized JSON be cached (see html.ts).
 */
const filtered = new WeakMap<object, Map<string, Filtered>>();
const MAX_VIEWER_KEYS = 256;

function filterPage(page: Page, viewer: Viewer): Filtered {
  let byViewer = filtered.get(page);
  if (!byViewer) filtered.set(page, (byViewer = new Map()));
  let hit = byViewer.get(viewer.key);
  if (!hit) {
    const hidden: HiddenBlock[] = [];
    hit = { blocks: filterBlocks(page.blocks, viewer, requirementsOf, hidden), hidden };
    if (byViewer.size >= MAX_VIEWER_KEYS) byViewer.delete(byViewer.keys().next().value!);
    byViewer.set(viewer.key, hit);
  }
  return hit;
}

/** The theme as the browser gets it (no custom CSS source), one object per document. */
const publicThemes = new WeakMap<PortalDocument, PagePayload['theme']>();
function publicTheme(doc: PortalDocument): PagePayload['theme'] {
  let theme = publicThemes.get(doc);
  if (!theme) {
    const { customCss: _css, ...rest } = doc.theme;
    publicThemes.set(doc, (theme = rest));
  }
  return theme;
}

function navFor(doc: PortalDocument, portal: ResolvedPortal, viewer: Viewer, currentId: string | null): PagePayload['nav'] {
  return doc.navigation.flatMap((id) => {
    const p = doc.pages.find((pg) => pg.id === id);
    if (!p || p.path.includes(':') || !decideVisibility(p.visibility, [], viewer).visible) return [];
    return [{ id: p.id, title: pickText(p.title, portal.defaultLocale), href: portalHref(portal.basePath, p.path), ...(p.icon ? { icon: p.icon } : {}), current: currentId === p.id }];
  });
}

const portalOf = (portal: ResolvedPortal): PagePayload['portal'] => ({ name: portal.name, slug: portal.slug, basePath: portal.basePath, locale: portal.defaultLocale });

export function buildPagePayload(version: PreparedVersion, portal: ResolvedPortal, path: string, viewer: Viewer, user: PayloadUser = null): PageResult {
  const doc = version.document;
  const locale = portal.defaultLocale;
  const match = matchPage(doc.pages, path);
  const decision = match ? decideVisibility(match.page.visibility, [], viewer) : null;
  const visible = match && decision?.visible ? match : null;
  const page = visible ? filterPage(visible.page, viewer) : { blocks: [], hidden: [] };
  // Anonymous viewers hold no role, so a role rule hides the page from them as an audience rule does.
  const requiresSignIn = !viewer.signedIn && decision?.visible === false && (decision.reason.kind === 'audience' || decision.reason.kind === 'roles');

  const payload: PagePayload = {
    status: visible ? 200 : 404,
    portal: portalOf(portal),
    page: visible
      ? { id: visible.page.id, path: visible.page.path, title: pickText(visible.page.title, locale), params: visible.params, blocks: page.blocks }
      : { id: 'not-found', path, title: 'Page not found', params: {}, blocks: [] },
    nav: navFor(doc, portal, viewer, visible?.page.id ?? null),
    theme: publicTheme(doc),
    user,
    data: {},
    can: {},
  };
  return { payload, hidden: page.hidden, requiresSignIn };
}

const NO_BLOCKS: BlockNode[] = [];

/** An account page: the portal's header and navigation for this viewer, and the view instead of blocks. */
export function buildAuthPayload(version: PreparedVersion, portal: ResolvedPortal, path: string, viewer: Viewer, user: PayloadUser, view: AuthView, title: string): PagePayload {
  const doc = version.document;
  return {
    status: 200,
    portal: portalOf(portal),
    page: { id: `account:${view.kind}`, path, title, params: {}, blocks: NO_BLOCKS },
    nav: navFor(doc, portal, viewer, null),
    theme: publicTheme(doc),
    user,
    data: {},
    can: {},
    auth: view,
  };
}

/** The user as pages and blocks see them (rich text's {{user.firstName}} …). */
export function payloadUser(session: { name: string; email: string } | null): PayloadUser {
  if (!session) return null;
  const name = session.name.trim();
  const space = name.indexOf(' ');
  return { firstName: space < 0 ? name : name.slice(0, space), lastName: space < 0 ? '' : name.slice(space + 1).trim(), email: session.email };
}
