// Image uploads over plain HTTP (raw bytes do not fit tRPC's JSON): POST and list under
// /admin/api/assets for signed-in admins, and GET /uploads/:file for everyone, since portal
// visitors need the images. Files are public but their names are random and unguessable.
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Config } from '../config';
import type { Db } from '../db/database';
import { readAdminSession } from '../auth/admin-sessions';
import { IMAGE_MIMES, listAssets, MAX_UPLOAD_BYTES, STORED_NAME, storeImage, SVG_MESSAGE, TOO_LARGE_MESSAGE, uploadsDir } from '../services/assets';
import { sameOrigin } from './csrf';

export type UploadsDeps = { db: Db; config: Pick<Config, 'dataDir'>; log: (msg: string) => void };

/**
 * Accepted request types. A cross-site HTML form can only send form-encoded, multipart or
 * text/plain bodies; any of these needs a CORS preflight, which we never grant. The Origin check
 * below is the second lock. The declared type is only a gate: the stored type is sniffed.
 */
const UPLOAD_CONTENT_TYPES = new Set([...IMAGE_MIMES, 'application/octet-stream']);

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
const portalIdParam = z.preprocess(emptyToUndefined, z.string().max(64).optional());

const uploadQuery = z
  .object({
    portalId: portalIdParam,
    name: z.string().max(1000, 'name: at most 1000 characters').optional(),
  })
  .strict();

const listQuery = z
  .object({
    portalId: portalIdParam,
    limit: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100).default(50)),
    cursor: z.preprocess(emptyToUndefined, z.string().max(500).optional()),
  })
  .strict();

/** The error shape of these routes; `code` uses tRPC's names so clients handle both APIs alike. */
function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.set('Cache-Control', 'no-store');
  next();
}

const mediaType = (req: Request): string => (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();

/** Body-parser errors carry an HTTP status and a machine-readable type. */
const bodyError = z.object({ status: z.number().int(), type: z.string().optional() });

export function mountUploads(app: express.Express, { db, config, log }: UploadsDeps): void {
  // Only this route reads raw bodies, and only after the caller is known to be a signed-in admin,
  // so an anonymous client cannot make the server buffer 5 MB. No inflate: browsers never
  // compress request bodies, and the limit then means bytes on the wire.
  const parseRaw = express.raw({ type: () => true, limit: MAX_UPLOAD_BYTES, inflate: false });
  const readBody = (req: Request, res: Response): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      parseRaw(req, res, (err?: unknown) => {
        if (err) reject(err instanceof Error ? err : new Error(String(err)));
        else resolve(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
      });
    });

  const fail = (res: Response, err: unknown, where: string): void => {
    if (err instanceof TRPCError && err.code !== 'INTERNAL_SERVER_ERROR') {
      sendError(res, getHTTPStatusCodeFromError(err), err.code, err.message);
      return;
    }
    const parsed = bodyError.safeParse(err);
    if (parsed.success && parsed.data.status < 500) {
      if (parsed.data.type === 'entity.too.large') sendError(res, 413, 'PAYLOAD_TOO_LARGE', TOO_LARGE_MESSAGE);
      else sendError(res, parsed.data.status, 'BAD_REQUEST', 'The upload could not be read; send the image bytes as the request body.');
      return;
    }
    log(`${where}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  };

  app.post('/admin/api/assets', noStore, async (req, res) => {
    try {
      const type = mediaType(req);
      if (!UPLOAD_CONTENT_TYPES.has(type)) {
        const message =
          type === 'image/svg+xml'
            ? SVG_MESSAGE
            : 'Send the image bytes as the request body with Content-Type image/png, image/jpeg, image/gif, image/webp, image/avif or application/octet-stream.';
        return sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', message);
      }
      const origin = sameOrigin(req);
      if (!origin.ok) return sendError(res, 403, 'FORBIDDEN', `Rejected: ${origin.reason}.`);
      const admin = await readAdminSession(db, req);
      // Designers upload too: images are part of editing pages.
      if (!admin) return sendError(res, 401, 'UNAUTHORIZED', 'Sign in first.');
      const query = uploadQuery.safeParse(req.query);
      if (!query.success) return sendError(res, 400, 'BAD_REQUEST', `Invalid input: ${z.prettifyError(query.error).replace(/\n/g, ' ')}`);
      const body = await readBody(req, res);
      const asset = await storeImage(db, config.dataDir, admin, { portalId: query.data.portalId, originalName: query.data.name, body });
      res.json({ asset });
    } catch (err) {
      fail(res, err, 'upload');
    }
  });

  app.get('/admin/api/assets', noStore, async (req, res) => {
    try {
      const admin = await readAdminSession(db, req);
      if (!admin) return sendError(res, 401, 'UNAUTHORIZED', 'Sign in first.');
      const query = listQuery.safeParse(req.query);
      if (!query.success) return sendError(res, 400, 'BAD_REQUEST', `Invalid input: ${z.prettifyError(query.error).replace(/\n/g, ' ')}`);
      res.json(await listAssets(db, query.data));
    } catch (err) {
      fail(res, err, 'list assets');
    }
  });

  const notFound = (res: Response): void => {
    res.set('Cache-Control', 'no-store');
    res.status(404).type('text').send('Not found');
  };

  const root = uploadsDir(config.dataDir);
  app.get('/uploads/:file', async (req, res) => {
    try {
      const name = req.params.file;
      // The generated pattern only: no separators, no dots but the extension's, so no traversal.
      if (typeof name !== 'string' || !STORED_NAME.test(name)) return notFound(res);
      const row = await db.selectFrom('assets').select(['file_name', 'mime']).where('file_name', '=', name).executeTakeFirst();
      // Only recorded files are served: an orphan left by a crash before the insert stays private.
      if (!row || !IMAGE_MIMES.has(row.mime)) return notFound(res);
      res.set({
        // The type sniffed at upload, not a guess from the extension.
        'Content-Type': row.mime,
        'Cache-Control': 'public, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
        // Opened directly, the file is inert even if some browser were to render it as a document.
        'Content-Security-Policy': "default-src 'none'",
        'Content-Disposition': 'inline',
      });
      res.sendFile(row.file_name, { root, dotfiles: 'deny', cacheControl: false, lastModified: true, etag: true }, (err?: Error) => {
        if (!err) return;
        if (!res.headersSent) {
          res.removeHeader('Content-Disposition');
          res.removeHeader('Content-Type');
          notFound(res);
          log(`uploads: ${row.file_name} is recorded but could not be read: ${err.message}`);
        }
      });
    } catch (err) {
      fail(res, err, 'serve upload');
    }
  });

  // Anything else under /uploads is ours to refuse, so no later catch-all (custom-domain pages)
  // answers for it.
  app.all(['/uploads', '/uploads/{*rest}'], (_req, res) => notFound(res));
}
