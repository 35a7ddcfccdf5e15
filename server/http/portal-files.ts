// Portal file downloads: GET `{portal base}/_files/:recordId/:field`, the links of the data blocks'
// file values (blocks/_lib/data-kit.tsx fileHref). Signed-in portal users only; the record must be
// within their read scope and the field a file field their role lets them read. The file is the one
// the record holds (never an id from the address). Anything else — no such record, out of scope,
// hidden field, no file — is the same 404, so a guess learns nothing.
import type { Request, Response } from 'express';
import type { Config } from '../config';
import type { Db } from '../db/database';
import { loginUrl } from '../published/auth-pages';
import { renderBarePage } from '../published/html';
import type { ResolvedPortal } from '../published/resolve-portal';
import { findType } from '../services/entity-types';
import { openFile } from '../services/files';
import { recordAccessFor, type PortalPrincipal } from '../services/portal-grants';
import { findRecord } from '../services/record-query';
import { sendStoredFile } from './stored-file';

export type PortalFilesDeps = { db: Db; config: Pick<Config, 'dataDir'>; log: (msg: string) => void };

/** `/_files/<recordId>/<field>`, portal-relative. */
export const PORTAL_FILES = /^\/_files\/([^/]+)\/([^/]+)\/?$/;

/** RFC 5987 / 8187 encoding for `filename*`: percent-encoded UTF-8, also escaping what the grammar does not allow. */

const decode = (s: string): string | null => {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
};

const isStoredFile = (v: unknown): v is { id: string } => typeof v === 'object' && v !== null && typeof (v as { id: unknown }).id === 'string';

/** Serves `{base}/_files/:recordId/:field` for the portal's signed-in user; `rel` is the portal-relative path. */
export async function servePortalFile(deps: PortalFilesDeps, req: Request, res: Response, portal: ResolvedPortal, principal: PortalPrincipal | null, rel: string): Promise<void> {
  res.set('Cache-Control', 'no-store');
  const notFound = () => void res.status(404).type('html').set('Cache-Control', 'no-store').send(renderBarePage(404, 'File not found', 'This file does not exist or is not available to you.'));
  if (!principal?.userId) return void res.redirect(303, loginUrl(portal, req.originalUrl.slice(portal.basePath.length)));
  const m = PORTAL_FILES.exec(rel);
  const recordId = m ? decode(m[1]!) : null;
  const fieldKey = m ? decode(m[2]!) : null;
  if (!recordId || !fieldKey || recordId.length > 100 || fieldKey.length > 60) return notFound();

  const row = await deps.db.selectFrom('records').select('type').where('id', '=', recordId).executeTakeFirst();
  const type = row ? await findType(deps.db, row.type) : undefined;
  const field = type?.fields.find((f) => f.key === fieldKey);
  if (!type || field?.type !== 'file') return notFound();
  // Within the user's read scope, with the field only if their role lets them read it.
  const view = await findRecord(deps.db, type.key, recordId, recordAccessFor(principal, type), [field.key]);
  const value = view?.data[field.key];
  if (!isStoredFile(value)) return notFound();
  const found = await openFile(deps.db, deps.config, value.id);
  if (!found) return notFound();
  sendStoredFile(res, found, deps.log, notFound);
}
