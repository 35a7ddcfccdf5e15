// Routes of published portals: custom domains, /p/:slug and /portal (the default portal), each
// with its pages and its API at `{base}/_api/trpc`.
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { ViteDevServer } from 'vite';
import { anonymousViewer, normalizePath } from '../../core';
import type { Config } from '../config';
import type { Db } from '../db/database';
import { requireJsonSameOrigin } from '../http/csrf';
import { portalRouter } from '../routers/portal';
import { renderBarePage, renderDocument } from './html';
import { buildPagePayload } from './page-payload';
import { loadPublishedVersion } from './version-cache';
import { renderPageDev, type Renderer } from './renderer';
import { defaultPortal, portalByDomain, portalBySlug, type ResolvedPortal } from './resolve-portal';

type Deps = { db: Db; config: Config; renderer: Renderer; vite?: ViteDevServer | undefined; log: (m: string) => void };

/** Paths of Portico itself, never a portal page, whatever the host. */
const RESERVED = /^\/(admin|_assets|uploads|healthz|api\/v1)(\/|$)/;

export function runtimeRoutes({ db, config, renderer, vite, log }: Deps): express.Router {
  const router = express.Router();

  const api = createExpressMiddleware({
    router: portalRouter,
    maxBodySize: 1024 * 1024,
    createContext: ({ req, res }) => ({ db, config, req, res, portal: res.locals.portal as ResolvedPortal, viewer: anonymousViewer }),
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') log(`portal api ${path ?? '?'}: ${error.cause?.stack ?? error.stack ?? error.message}`);
    },
  });

  const bare = (res: Response, status: number, heading: string, text: string) => res.status(status).type('html').set('Cache-Control', 'no-store').send(renderBarePage(status, heading, text));

  async function servePortal(portal: ResolvedPortal | null, req: Request, res: Response, next: NextFunction): Promise<void> {
    if (!portal) return void bare(res, 404, 'Portal not found', 'There is no portal at this address.');
    if (!portal.active) return void bare(res, 404, 'Portal not available', 'This portal is not available at the moment.');
    const rel = req.path.slice(portal.basePath.length) || '/';
    res.locals.portal = portal;
    if (rel === '/_api/trpc' || rel.startsWith('/_api/trpc/')) {
      res.set('Cache-Control', 'no-store');
      req.url = req.url.slice(portal.basePath.length + '/_api/trpc'.length) || '/';
      return requireJsonSameOrigin(req, res, () => void api(req, res, next));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.status(405).set('Allow', 'GET, HEAD').type('text').send('Method not allowed');
    // `/p/acme` → `/p/acme/`, so relative URLs and the home link agree.
    if (req.path === portal.basePath && portal.basePath !== '') return void res.redirect(301, `${portal.basePath}/`);
    if (!portal.publishedVersionId) return void bare(res, 404, 'Portal not published', 'This portal has not been published yet.');
    const path = normalizePath(rel);
    if (!path) return void bare(res, 400, 'Bad request', 'The address is not valid.');
    const version = await loadPublishedVersion(db, portal.publishedVersionId);
    const { payload } = buildPagePayload(version, portal, path, anonymousViewer);
    const appHtml = vite ? await renderPageDev(vite, payload) : renderer.renderPage(payload);
    let html = renderDocument(payload, appHtml, renderer.assets);
    if (renderer.transformHtml) html = await renderer.transformHtml(req.originalUrl, html);
    // No ETag: hashing every page costs more than the rare revalidation saves.
    res.status(payload.status).type('html').set('Cache-Control', 'private, no-cache').end(html);
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
