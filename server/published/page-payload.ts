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
  type PagePayload,
  type Requirement,
  type Viewer,
} from '../../core';
import { getBlock } from '../../blocks';
import type { PreparedVersion } from './version-cache';
import type { ResolvedPortal } from './resolve-portal';

export const requirementsOf = (node: BlockNode): readonly Requirement[] => getBlock(node.type)?.requires?.(node.props as never) ?? [];

export type PageResult = { payload: PagePayload; hidden: HiddenBlock[] };

export function buildPagePayload(version: PreparedVersion, portal: ResolvedPortal, path: string, viewer: Viewer): PageResult {
  const doc = version.document;
  const locale = portal.defaultLocale;
  const { customCss: _css, ...theme } = doc.theme;
  const match = matchPage(doc.pages, path);
  const visible = match && decideVisibility(match.page.visibility, [], viewer).visible ? match : null;
  const hidden: HiddenBlock[] = [];

  const nav = doc.navigation.flatMap((id) => {
    const p = doc.pages.find((pg) => pg.id === id);
    if (!p || p.path.includes(':') || !decideVisibility(p.visibility, [], viewer).visible) return [];
    return [{ id: p.id, title: pickText(p.title, locale), href: portalHref(portal.basePath, p.path), ...(p.icon ? { icon: p.icon } : {}), current: visible?.page.id === p.id }];
  });

  const payload: PagePayload = {
    status: visible ? 200 : 404,
    portal: { name: portal.name, slug: portal.slug, basePath: portal.basePath, locale },
    page: visible
      ? { id: visible.page.id, path: visible.page.path, title: pickText(visible.page.title, locale), params: visible.params, blocks: filterBlocks(visible.page.blocks, viewer, requirementsOf, hidden) }
      : { id: 'not-found', path, title: 'Page not found', params: {}, blocks: [] },
    nav,
    theme,
    user: null,
    data: {},
  };
  return { payload, hidden };
}
