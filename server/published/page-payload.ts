// Builds the payload of a portal page for a viewer: match the path, check the page's visibility,
// filter the block tree, build the navigation. What the viewer may not see never gets in.
import {
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

export type PageResult = { payload: PagePayload; hidden: HiddenBlock[] };

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

export function buildPagePayload(version: PreparedVersion, portal: ResolvedPortal, path: string, viewer: Viewer): PageResult {
  const doc = version.document;
  const locale = portal.defaultLocale;
  const match = matchPage(doc.pages, path);
  const visible = match && decideVisibility(match.page.visibility, [], viewer).visible ? match : null;
  const page = visible ? filterPage(visible.page, viewer) : { blocks: [], hidden: [] };

  const nav = doc.navigation.flatMap((id) => {
    const p = doc.pages.find((pg) => pg.id === id);
    if (!p || p.path.includes(':') || !decideVisibility(p.visibility, [], viewer).visible) return [];
    return [{ id: p.id, title: pickText(p.title, locale), href: portalHref(portal.basePath, p.path), ...(p.icon ? { icon: p.icon } : {}), current: visible?.page.id === p.id }];
  });

  const payload: PagePayload = {
    status: visible ? 200 : 404,
    portal: { name: portal.name, slug: portal.slug, basePath: portal.basePath, locale },
    page: visible
      ? { id: visible.page.id, path: visible.page.path, title: pickText(visible.page.title, locale), params: visible.params, blocks: page.blocks }
      : { id: 'not-found', path, title: 'Page not found', params: {}, blocks: [] },
    nav,
    theme: publicTheme(doc),
    user: null,
    data: {},
  };
  return { payload, hidden: page.hidden };
}
