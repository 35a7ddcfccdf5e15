// Routes of published portals: custom domains, /p/:slug and /portal (the default portal), each
// with its pages, its account pages and its API at `{base}/_api/trpc`. Every request reads the
// portal user's session and their grants afresh, so what a page shows follows a role change, a
// deactivation or a sign-out at the next request.
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { ViteDevServer } from 'vite';
import { anonymousViewer, normalizePath, type PagePayload, type Viewer } from '../../core';
import { hasPortalCookie, readPortalSession, setPortalCookie, type PortalSession } from '../auth/portal-sessions';
import type { Config } from '../config';
import type { Db } from '../db/database';
import { requireJsonSameOrigin } from '../http/csrf';
import { servePortalFile } from '../http/portal-files';
import type { PortalContext } from '../portal-trpc';
import { portalRouter } from '../routers/portal';
import { principalForUser, type PortalPrincipal } from '../services/portal-grants';
import { loadPageData } from './block-data';
import { loginUrl, resolveAuthPage } from './auth-pages';
import { renderBarePage, renderDocument } from './html';
import { buildAuthPayload, buildPagePayload, payloadUser } from './page-payload';
import { loadPublishedVersion } from './version-cache';
import { renderPageDev, type Renderer } from './renderer';
import { defaultPortal, portalByDomain, portalBySlug, type ResolvedPortal } from './resolve-portal';

type RequestLocals = { portal: ResolvedPortal; session: PortalSession | null; viewer: Viewer; principal: PortalPrincipal | null };

type Deps = { db: Db; config: Config; renderer: Renderer; vite?: ViteDevServer | undefined; log: (m: string) => void };

/** Paths of Portico itself, never a portal page, whatever the host. */
const RESERVED = /^\/(admin|_assets|uploads|healthz|api\/v1)(\/|$)/;

export function runtimeRoutes({ db, config, renderer, vite, log }: Deps): express.Router {
  const router = express.Router();

  const api = createExpressMiddleware({
    router: portalRouter,
    maxBodySize: 1024 * 1024,
    createContext: ({ req, res }): PortalContext => {
      const { portal, session, viewer, principal } = res.locals as RequestLocals;
      return { db, config, req, res, portal, session, viewer, principal };
    },
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') log(`portal api ${path ?? '?'}: ${error.cause?.stack ?? error.stack ?? error.message}`);
    },
  });

  const bare = (res: Response, status: number, heading: string, text: string) => res.status(status).type('html').set('Cache-Control', 'no-store').send(renderBarePage(status, heading, text));

  /** The signed-in user of this portal and their viewer; a cookie that no longer works is cleared. */
  async function identify(portal: ResolvedPortal, req: Request, res: Response): Promise<RequestLocals> {
    const session = await readPortalSession(db, req, portal);
    if (!session) {
      if (hasPortalCookie(req)) setPortalCookie(req, res, portal, null, config.publicUrl?.protocol === 'https:');
      return { portal, session: null, viewer: anonymousViewer, principal: null };
    }
    const principal = await principalForUser(db, portal.id, { id: session.userId, contactId: session.contactId });
    return { portal, session, viewer: principal.viewer, principal };
  }

  async function servePortal(portal: ResolvedPortal | null, req: Request, res: Response, next: NextFunction): Promise<void> {
    if (!portal) return void bare(res, 404, 'Portal not found', 'There is no portal at this address.');
    if (!portal.active) return void bare(res, 404, 'Portal not available', 'This portal is not available at the moment.');
    const rel = req.path.slice(portal.basePath.length) || '/';
    const locals = await identify(portal, req, res);
    Object.assign(res.locals, locals);
    if (rel === '/_api/trpc' || rel.startsWith('/_api/trpc/')) {
      res.set('Cache-Control', 'no-store');
      req.url = req.url.slice(portal.basePath.length + '/_api/trpc'.length) || '/';
      return requireJsonSameOrigin(req, res, () => void api(req, res, next));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.status(405).set('Allow', 'GET, HEAD').type('text').send('Method not allowed');
    // File downloads of the data blocks: the user's scope and field access decide (http/portal-files.ts).
    if (rel.startsWith('/_files/')) return servePortalFile({ db, config, log }, req, res, portal, locals.principal, rel);
    // `/p/acme` → `/p/acme/`, so relative URLs and the home link agree.
    if (req.path === portal.basePath && portal.basePath !== '') return void res.redirect(301, `${portal.basePath}/`);
    if (!portal.publishedVersionId) return void bare(res, 404, 'Portal not published', 'This portal has not been published yet.');
    const path = normalizePath(rel);
    if (!path) return void bare(res, 400, 'Bad request', 'The address is not valid.');
    const version = await loadPublishedVersion(db, portal.publishedVersionId);
    const user = payloadUser(locals.session);
    let payload: PagePayload;
    const account = await resolveAuthPage(db, portal, path, req.query, locals.session);
    if (account && 'redirect' in account) return void res.set('Cache-Control', 'no-store').redirect(303, account.redirect);
    if (account) {
      payload = buildAuthPayload(version, portal, path, locals.viewer, user, account.view, account.title);
      // Account pages carry tokens in their address: never cached, never sent on as a referrer.
      res.set('Referrer-Policy', 'no-referrer').set('Cache-Control', 'no-store');
    } else {
      const built = buildPagePayload(version, portal, path, locals.viewer, user);
      if (built.requiresSignIn) return void res.set('Cache-Control', 'no-store').redirect(303, loginUrl(portal, req.originalUrl.slice(portal.basePath.length)));
      payload = built.payload;
      if (payload.status === 200) payload = { ...payload, ...(await loadPageData({ db, principal: locals.principal, portalId: portal.id, params: payload.page.params }, payload.page.blocks)) };
    }
    const appHtml = vite ? await renderPageDev(vite, payload) : renderer.renderPage(payload);
    let html = renderDocument(payload, appHtml, renderer.assets);
    if (renderer.transformHtml) html = await renderer.transformHtml(req.originalUrl, html);
    // No ETag: hashing every page costs more than the rare revalidation saves.
    if (!res.get('Cache-Control')) res.set('Cache-Control', 'private, no-cache');
    res.status(payload.status).type('html').end(html);
  }

  const wrap = (resolve: (req: Request) => Promise<ResolvedPortal | null>) => (req: Request, res: Response, next: NextFunction) => {
    resolve(req).then((portal) => servePortal(portal, req, res, next)).catch(next);
  };

  // Custom domains first: on a portal's own domain every path but Portico's own is the portal's.
  router.use((req, res, next) => {
    if (RESERVED.test(req.path)) return next();
    portalByDomain(db, req.hostname ?? '')
      .then((portal) => (portal ? servePortal(portal, req, res, next) : next()))
      .catch(next);
  });
  router.all(['/p/:slug', '/p/:slug/{*rest}'], wrap((req) => portalBySlug(db, String(req.params.slug))));
  router.all(['/portal', '/portal/{*rest}'], wrap(() => defaultPortal(db)));
  return router;
}
