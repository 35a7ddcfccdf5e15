// Builds the RenderContext blocks receive, from a page payload. Same on server and client, so
// hydration matches.
import { pickText, portalHref, type PagePayload } from '../core';
import type { RenderContext } from '../blocks';

/** What only the browser can do: run actions and load data again (absent while rendering on the server). */
export type ClientCalls = Pick<RenderContext, 'runAction' | 'loadData'>;

export function renderContextFor(payload: PagePayload, client?: ClientCalls): RenderContext {
  const { portal } = payload;
  return {
    mode: 'runtime',
    locale: portal.locale,
    portal: { name: portal.name, slug: portal.slug, basePath: portal.basePath },
    user: payload.user,
    href: (path) => (/^[a-z]+:/i.test(path) || path.startsWith('//') ? path : portalHref(portal.basePath, path)),
    t: (text) => pickText(text, portal.locale),
    params: payload.page.params,
    ...client,
  };
}
