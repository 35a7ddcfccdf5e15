// Record files, import and export over plain HTTP (raw bytes and big files do not fit tRPC's 2 MB
// JSON): POST /admin/api/files stores a file for `file` fields, GET /admin/api/files/:id downloads
// it, POST /admin/api/import imports CSV or JSON all or nothing, GET /admin/api/export writes what
// the import reads back. Bodies are read only after the admin session and role are checked.
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { MAX_FILE_BYTES, typeKeySchema } from '../../core';
import { readAdminSession, type AdminPrincipal } from '../auth/admin-sessions';
import type { Config } from '../config';
import type { Db } from '../db/database';
import type { AdminRole } from '../db/schema';
import { FieldIssuesError } from '../services/field-issues';
import { FILE_TOO_LARGE_MESSAGE, openFile, storeFile } from '../services/files';
import { exportRecords, importRecords } from '../services/record-import';
import type { Actor } from '../services/record-store';
import { sameOrigin } from './csrf';
import { sendStoredFile } from './stored-file';

export type RecordFilesDeps = { db: Db; config: Pick<Config, 'dataDir'>; log: (msg: string) => void };

/** The JSON body of an import: the file's text (at most 20 MB, checked by the service) plus JSON's escaping. */
export const MAX_IMPORT_BODY_BYTES = 25 * 1024 * 1024;

/** Changing data (uploads, imports) is for owners and admins, as in the Data section's tRPC routes. */
const MANAGERS: readonly AdminRole[] = ['owner', 'admin'];

/**
 * The body types a cross-site page can send without a CORS preflight (which we never grant): forms,
 * multipart and text/plain. A file arrives with any other type (its own, or octet-stream); the
 * declared type is only a hint, the stored one is sniffed.
 */
const FORM_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain', '']);

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

const uploadQuery = z
  .object({
    name: z.string().max(1000, 'name: at most 1000 characters').optional(),
    type: z.preprocess(emptyToUndefined, typeKeySchema.optional()),
    field: z.preprocess(emptyToUndefined, z.string().min(1).max(60).optional()),
  })
  .strict()
  .refine((q) => (q.type === undefined) === (q.field === undefined), { message: 'type and field go together: name the entity type and its file field', path: ['field'] });

const importBody = z
  .object({
    type: typeKeySchema,
    format: z.enum(['csv', 'json']),
    content: z.string(),
    mode: z.enum(['create', 'upsert']).default('create'),
  })
  .strict();

const exportQuery = z
  .object({
    type: typeKeySchema,
    format: z.preprocess(emptyToUndefined, z.enum(['csv', 'json']).default('csv')),
  })
  .strict();

type ErrorIssue = { row?: number; field: string; message: string; recordId?: string };

/** The error shape of these routes; `code` uses tRPC's names so clients handle both APIs alike. */
function sendError(res: Response, status: number, code: string, message: string, issues?: ErrorIssue[]): void {
  res.status(status).json({ error: { code, message, ...(issues ? { issues } : {}) } });
}

function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.set('Cache-Control', 'no-store');
  next();
}

const mediaType = (req: Request): string => (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
const invalid = (error: z.ZodError) => `Invalid input: ${z.prettifyError(error).replace(/\n/g, ' ')}`;
const adminActor = (admin: AdminPrincipal): Actor => ({ kind: 'admin', id: admin.id });

/** Body-parser errors carry an HTTP status and a machine-readable type. */
const bodyError = z.object({ status: z.number().int(), type: z.string().optional() });

/** RFC 5987 / 8187 encoding for `filename*`: percent-encoded UTF-8, with the characters encodeURIComponent leaves alone but the grammar does not allow. */

/** Resolves after the response drained, or was closed by the client (then `res.destroyed` tells). */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

export function mountRecordFiles(app: express.Express, { db, config, log }: RecordFilesDeps): void {
  // No inflate: browsers never compress request bodies, and the limits then mean bytes on the wire.
  const parseRaw = express.raw({ type: () => true, limit: MAX_FILE_BYTES, inflate: false });
  const parseJson = express.json({ type: () => true, limit: MAX_IMPORT_BODY_BYTES, inflate: false, strict: true });
  const readBody = (parser: express.RequestHandler, req: Request, res: Response): Promise<unknown> =>
    new Promise((resolve, reject) => {
      parser(req, res, (err?: unknown) => {
        if (err) reject(err instanceof Error ? err : new Error(String(err)));
        else resolve(req.body);
      });
    });

  const fail = (res: Response, err: unknown, where: string, tooLarge: string): void => {
    if (err instanceof FieldIssuesError) {
      sendError(res, getHTTPStatusCodeFromError(err), err.code, err.message, err.issues);
      return;
    }
    if (err instanceof TRPCError && err.code !== 'INTERNAL_SERVER_ERROR') {
      sendError(res, getHTTPStatusCodeFromError(err), err.code, err.message);
      return;
    }
    const parsed = bodyError.safeParse(err);
    if (parsed.success && parsed.data.status < 500) {
      if (parsed.data.type === 'entity.too.large') sendError(res, 413, 'PAYLOAD_TOO_LARGE', tooLarge);
      else sendError(res, parsed.data.status, 'BAD_REQUEST', `The request body could not be read${parsed.data.type === 'entity.parse.failed' ? ': it is not valid JSON' : ''}.`);
      return;
    }
    log(`${where}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    else res.destroy();
  };

  /** The signed-in admin with one of `roles`, or an answer already sent (401, 403). */
  const requireAdmin = async (req: Request, res: Response, roles: readonly AdminRole[]): Promise<AdminPrincipal | null> => {
    const admin = await readAdminSession(db, req);
    if (!admin) {
      sendError(res, 401, 'UNAUTHORIZED', 'Sign in first.');
      return null;
    }
    if (!roles.includes(admin.role)) {
      sendError(res, 403, 'FORBIDDEN', `This needs one of the roles: ${roles.join(', ')}.`);
      return null;
    }
    return admin;
  };

  app.post('/admin/api/files', noStore, async (req, res) => {
    try {
      const declared = mediaType(req);
      if (FORM_TYPES.has(declared)) {
        return sendError(
          res,
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          "Send the file's bytes as the request body with its own Content-Type (e.g. application/pdf) or application/octet-stream; form, multipart and text/plain bodies are refused.",
        );
      }
      const origin = sameOrigin(req);
      if (!origin.ok) return sendError(res, 403, 'FORBIDDEN', `Rejected: ${origin.reason}.`);
      const admin = await requireAdmin(req, res, MANAGERS);
      if (!admin) return;
      const query = uploadQuery.safeParse(req.query);
      if (!query.success) return sendError(res, 400, 'BAD_REQUEST', invalid(query.error));
      const body = await readBody(parseRaw, req, res);
      const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      const { name, type, field } = query.data;
      const file = await storeFile(db, config, adminActor(admin), {
        name: name ?? '',
        bytes,
        declaredType: declared,
        target: type !== undefined && field !== undefined ? { type, field } : undefined,
      });
      res.json({ file });
    } catch (err) {
      fail(res, err, 'file upload', FILE_TOO_LARGE_MESSAGE);
    }
  });

  app.get('/admin/api/files/:id', noStore, async (req, res) => {
    try {
      // Any signed-in admin: reading records (and so their files) is open to every admin role.
      const admin = await requireAdmin(req, res, ['owner', 'admin', 'designer']);
      if (!admin) return;
      const found = await openFile(db, config, req.params.id as string);
      if (!found) return sendError(res, 404, 'NOT_FOUND', 'No such file.');
      sendStoredFile(res, found, log, () => {
        res.set('Content-Type', 'application/json');
        sendError(res, 404, 'NOT_FOUND', 'The file is recorded but its contents are missing.');
      });
    } catch (err) {
      fail(res, err, 'file download', FILE_TOO_LARGE_MESSAGE);
    }
  });

  const importTooLarge = `The import is larger than ${MAX_IMPORT_BODY_BYTES / 1024 / 1024} MB; split the file into several.`;
  app.post('/admin/api/import', noStore, async (req, res) => {
    try {
      if (mediaType(req) !== 'application/json') {
        return sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the import as application/json: { "type", "format", "content", "mode" }.');
      }
      const origin = sameOrigin(req);
      if (!origin.ok) return sendError(res, 403, 'FORBIDDEN', `Rejected: ${origin.reason}.`);
      const admin = await requireAdmin(req, res, MANAGERS);
      if (!admin) return;
      const input = importBody.safeParse(await readBody(parseJson, req, res));
      if (!input.success) return sendError(res, 400, 'BAD_REQUEST', invalid(input.error));
      res.json(await importRecords(db, adminActor(admin), input.data));
    } catch (err) {
      fail(res, err, 'import', importTooLarge);
    }
  });

  app.get('/admin/api/export', noStore, async (req, res) => {
    try {
      const admin = await requireAdmin(req, res, MANAGERS);
      if (!admin) return;
      const query = exportQuery.safeParse(req.query);
      if (!query.success) return sendError(res, 400, 'BAD_REQUEST', invalid(query.error));
      const { type, chunks } = await exportRecords(db, query.data);
      const csv = query.data.format === 'csv';
      res.set({
        'Content-Type': csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${type.key}.${csv ? 'csv' : 'json'}"`,
        'X-Content-Type-Options': 'nosniff',
      });
      for await (const chunk of chunks) {
        if (!res.write(chunk)) await drained(res);
        if (res.destroyed) return;
      }
      res.end();
    } catch (err) {
      fail(res, err, 'export', 'Too large');
    }
  });
}
