// The express application: health, the admin API, the builder shell and static assets.
import fs from 'node:fs';
import path from 'node:path';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { sql } from 'kysely';
import type { Config } from '../config';
import type { Db } from '../db/database';
import { readAdminSession } from '../auth/admin-sessions';
import { adminRouter } from '../routers/admin';
import { createApiV1 } from '../api/v1';
import { requireJsonSameOrigin } from './csrf';
import { mountUploads } from './uploads';
import { mountRecordFiles } from './record-files';
import { securityHeaders } from './security-headers';
import type { Renderer } from '../published/renderer';
import { runtimeRoutes } from '../published/routes';
import type { ViteDevServer } from 'vite';

export const MAX_API_BODY_BYTES = 2 * 1024 * 1024;
const CLIENT_DIR = path.resolve(import.meta.dirname, '../../dist/client');

export type AppDeps = { db: Db; config: Config; renderer: Renderer; vite?: ViteDevServer | undefined; log: (msg: string) => void };

export function createApp({ db, config, renderer, vite, log }: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders({ dev: config.dev }));

  app.get('/healthz', async (_req, res) => {
    try {
      await sql`select 1`.execute(db);
      res.json({ ok: true });
    } catch {
      res.status(503).json({ ok: false });
    }
  });

  app.use(
    '/admin/api/trpc',
    (_req, res, next) => {
      res.set('Cache-Control', 'no-store');
      next();
    },
    requireJsonSameOrigin,
    createExpressMiddleware({
      router: adminRouter,
      maxBodySize: MAX_API_BODY_BYTES,
      createContext: async ({ req, res }) => ({ db, config, req, res, admin: await readAdminSession(db, req) }),
      onError: ({ error, path: p }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') log(`admin api ${p ?? '?'}: ${error.cause?.stack ?? error.stack ?? error.message}`);
      },
    }),
  );

  // The integration API (API keys, problem+json errors); before the portal and 404 routes.
  app.use('/api/v1', createApiV1({ db, config, log }));

  // Image uploads (admin) and their public files; before the SPA, portal and 404 routes.
  mountUploads(app, { db, config, log });
  mountRecordFiles(app, { db, config, log });

  if (vite) {
    app.use(vite.middlewares);
  } else {
    app.use('/_assets', express.static(CLIENT_DIR, { index: false, immutable: true, maxAge: '1y', fallthrough: true }));
  }

  // The builder is a single-page app: every /admin path serves its shell.
  const builderHtml = vite ? undefined : readIfExists(path.join(CLIENT_DIR, 'builder/index.html'));
  app.get(['/admin', '/admin/{*rest}'], async (req, res, next) => {
    try {
      res.set('Cache-Control', 'no-store');
      if (vite) {
        const raw = fs.readFileSync(path.resolve(import.meta.dirname, '../../builder/index.html'), 'utf8');
        res.type('html').send(await vite.transformIndexHtml(req.originalUrl, raw));
      } else if (builderHtml) {
        res.type('html').send(builderHtml);
      } else {
        res.status(503).type('text').send('The builder has not been built. Run `npm run build` (npm start does this for you).');
      }
    } catch (err) {
      next(err);
    }
  });

  // Published portals: custom domains, /p/:slug, /portal.
  app.use(runtimeRoutes({ db, config, renderer, vite, log }));

  app.get('/', (_req, res) => res.redirect(302, '/admin/'));

  app.use((_req, res) => {
    res.status(404).type('text').send('Not found');
  });

  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = typeof err === 'object' && err && 'status' in err && typeof err.status === 'number' ? err.status : 500;
    if (status >= 500) log(`unhandled: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    res.status(status).json({ error: { message: status >= 500 ? 'Internal server error' : 'Bad request' } });
  });
  return app;
}

function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
