// Uploaded images for blocks (image, hero, …): the type is sniffed from the bytes and the size read
// from the image, the file is stored under a random name in DATA_DIR/uploads, then recorded with
// its audit entry. Nothing the client says about the file (type, name) decides how it is stored.
import { createHash, randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { TRPCError } from '@trpc/server';
import { GIF } from 'image-size/types/gif';
import { HEIF } from 'image-size/types/heif';
import type { IImage } from 'image-size/types/interface';
import { JPG } from 'image-size/types/jpg';
import { PNG } from 'image-size/types/png';
import { WEBP } from 'image-size/types/webp';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { writeTx, type Db } from '../db/database';
import type { AssetRow, DB } from '../db/schema';
import { newRowId } from '../auth/tokens';
import { writeFileAtomic } from './atomic-file';
import { audit } from './audit';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Smaller than any real image header: such a body is empty or truncated. */
export const MIN_UPLOAD_BYTES = 16;
export const MAX_IMAGE_SIDE = 12_000;
export const MAX_ORIGINAL_NAME = 200;
export const UPLOADS_URL_PREFIX = '/uploads/';

/** The accepted image types: the stored extension and the Content-Type the file is served with. */
export const IMAGE_TYPES = {
  png: { mime: 'image/png', ext: 'png', size: PNG },
  jpeg: { mime: 'image/jpeg', ext: 'jpg', size: JPG },
  gif: { mime: 'image/gif', ext: 'gif', size: GIF },
  webp: { mime: 'image/webp', ext: 'webp', size: WEBP },
  avif: { mime: 'image/avif', ext: 'avif', size: HEIF },
} as const satisfies Record<string, { mime: string; ext: string; size: IImage }>;
export type ImageKind = keyof typeof IMAGE_TYPES;
export type ImageMime = (typeof IMAGE_TYPES)[ImageKind]['mime'];

export const IMAGE_MIMES: ReadonlySet<string> = new Set(Object.values(IMAGE_TYPES).map((t) => t.mime));
/** The generated stored names, and nothing else: what GET /uploads/:file will look up. */
export const STORED_NAME = /^[A-Za-z0-9_-]+\.(png|jpg|gif|webp|avif)$/;

export const UNSUPPORTED_MESSAGE = 'The file is not a supported image (PNG, JPEG, GIF, WebP or AVIF).';
export const SVG_MESSAGE = 'SVG images are not accepted because they can carry scripts; upload a PNG, JPEG, GIF, WebP or AVIF instead.';
export const TOO_LARGE_MESSAGE = `The image is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, the limit for uploads; make it smaller and try again.`;

export type Actor = { id: string };

export type StoredAsset = { id: string; url: string; width: number; height: number; mime: string; bytes: number; originalName: string };
export type AssetSummary = StoredAsset & { portalId: string | null; createdAt: string };

const ascii = (b: Uint8Array, start: number, end: number): string => String.fromCharCode(...b.subarray(start, end));

/**
 * The image type from its first bytes (magic numbers), 'svg' for SVG (refused with its own
 * message), or null. Deliberately strict: a file is one of our types only by its signature.
 */
export function sniffImageKind(b: Uint8Array): ImageKind | 'svg' | null {
  if (b.length >= 24 && ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n' && ascii(b, 12, 16) === 'IHDR') return 'png';
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 10 && /^GIF8[79]a$/.test(ascii(b, 0, 6))) return 'gif';
  if (b.length >= 30 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' && /^VP8[ LX]$/.test(ascii(b, 12, 16))) return 'webp';
  if (isAvif(b)) return 'avif';
  if (looksLikeSvg(b)) return 'svg';
  return null;
}

/** AVIF is an ISO-BMFF file whose `ftyp` box names the avif (still) or avis (sequence) brand. */
function isAvif(b: Uint8Array): boolean {
  if (b.length < 16 || ascii(b, 4, 8) !== 'ftyp') return false;
  const boxSize = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  // The ftyp box is small; the cap bounds the work for a crafted size field.
  const end = Math.min(boxSize, b.length, 256);
  const brands = [ascii(b, 8, 12)];
  // Compatible brands follow the major brand and its 4-byte minor version.
  for (let i = 16; i + 4 <= end; i += 4) brands.push(ascii(b, i, i + 4));
  return brands.includes('avif') || brands.includes('avis');
}

/** Text that opens an <svg> element near its start (after any XML prolog, doctype or comments). */
function looksLikeSvg(b: Uint8Array): boolean {
  const head = Buffer.from(b.subarray(0, 4096)).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('<') && /<svg[\s>/]/i.test(head);
}

/** Reads width and height with the parser for the sniffed type; null when the file is damaged. */
export function readImageSize(kind: ImageKind, b: Uint8Array): { width: number; height: number } | null {
  // A copy with its own exact-size buffer: the parsers read through DataViews over `.buffer`, and
  // a pooled Buffer's backing store extends past the upload, so a truncated header would read
  // neighbouring memory instead of failing.
  const own = new Uint8Array(b);
  try {
    const { width, height } = IMAGE_TYPES[kind].size.calculate(own);
    return { width, height };
  } catch {
    return null;
  }
}

/** The client's file name as harmless metadata: last path segment, no control or bidi characters, 200 characters at most. */
export function cleanOriginalName(raw: string | undefined, ext: string): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  // Bidi overrides could make "gpj.exe" read as "exe.jpg" in the builder's list.
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '').trim();
  const short = Array.from(cleaned).slice(0, MAX_ORIGINAL_NAME).join('').trim();
  return short || `image.${ext}`;
}

/** 18 random bytes → 24 base64url characters (144 bits): unguessable, and never the client's name. */
export function newStoredName(kind: ImageKind): string {
  return `${randomBytes(18).toString('base64url')}.${IMAGE_TYPES[kind].ext}`;
}

export const uploadsDir = (dataDir: string): string => path.join(dataDir, 'uploads');

const badRequest = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });
const noSuchPortal = () => new TRPCError({ code: 'NOT_FOUND', message: 'No such portal.' });

/** Checks the bytes and returns what will be stored; throws a TRPCError naming the problem. */
export function inspectImage(body: Uint8Array): { kind: ImageKind; width: number; height: number } {
  if (body.length > MAX_UPLOAD_BYTES) throw new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: TOO_LARGE_MESSAGE });
  if (body.length < MIN_UPLOAD_BYTES) throw badRequest('The file is empty or too small to be an image.');
  const kind = sniffImageKind(body);
  if (kind === 'svg') throw new TRPCError({ code: 'UNSUPPORTED_MEDIA_TYPE', message: SVG_MESSAGE });
  if (!kind) throw new TRPCError({ code: 'UNSUPPORTED_MEDIA_TYPE', message: UNSUPPORTED_MESSAGE });
  const size = readImageSize(kind, body);
  if (!size || !Number.isInteger(size.width) || !Number.isInteger(size.height)) {
    throw badRequest(`The image's width and height could not be read; the ${kind.toUpperCase()} file looks damaged.`);
  }
  const { width, height } = size;
  if (width < 1 || height < 1 || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    throw badRequest(`Images must be 1 to ${MAX_IMAGE_SIDE} pixels wide and high; this one is ${width}×${height}.`);
  }
  return { kind, width, height };
}

async function portalExists(db: Kysely<DB>, portalId: string): Promise<boolean> {
  return (await db.selectFrom('portals').select('id').where('id', '=', portalId).executeTakeFirst()) !== undefined;
}


/**
 * Stores an uploaded image. The file is written first and the row inserted after, so a crash in
 * between leaves at most an orphan file, which is never served (serving needs the row).
 */
export async function storeImage(
  db: Db,
  dataDir: string,
  actor: Actor,
  input: { portalId?: string | undefined; originalName?: string | undefined; body: Uint8Array },
): Promise<StoredAsset> {
  const { kind, width, height } = inspectImage(input.body);
  const portalId = input.portalId ?? null;
  // Checked before touching the disk as well as inside the transaction: a typo costs no write.
  if (portalId !== null && !(await portalExists(db, portalId))) throw noSuchPortal();

  const { mime } = IMAGE_TYPES[kind];
  const id = newRowId();
  const fileName = newStoredName(kind);
  const originalName = cleanOriginalName(input.originalName, IMAGE_TYPES[kind].ext);
  const sha256 = createHash('sha256').update(input.body).digest('hex');
  const bytes = input.body.length;
  const dir = uploadsDir(dataDir);

  await writeFileAtomic(dir, fileName, input.body);
  try {
    await writeTx(db, async (trx) => {
      if (portalId !== null && !(await portalExists(trx, portalId))) throw noSuchPortal();
      await trx
        .insertInto('assets')
        .values({
          id,
          portal_id: portalId,
          file_name: fileName,
          original_name: originalName,
          mime,
          bytes,
          width,
          height,
          sha256,
          created_at: new Date().toISOString(),
          created_by: actor.id,
        })
        .execute();
      await audit(trx, {
        actor_type: 'admin',
        actor_id: actor.id,
        portal_id: portalId,
        action: 'asset.upload',
        target: id,
        details: { fileName, originalName, mime, bytes, width, height, sha256 },
      });
    });
  } catch (err) {
    await fsp.rm(path.join(dir, fileName), { force: true });
    throw err;
  }
  return { id, url: `${UPLOADS_URL_PREFIX}${fileName}`, width, height, mime, bytes, originalName };
}

const cursorSchema = z.tuple([z.string().max(64), z.string().max(64)]);

function encodeCursor(row: Pick<AssetRow, 'created_at' | 'id'>): string {
  return Buffer.from(JSON.stringify([row.created_at, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { createdAt, id };
  } catch {
    throw badRequest('Invalid cursor: pass back the nextCursor of the previous page.');
  }
}

const toSummary = (r: AssetRow): AssetSummary => ({
  id: r.id,
  url: `${UPLOADS_URL_PREFIX}${r.file_name}`,
  width: r.width,
  height: r.height,
  mime: r.mime,
  bytes: r.bytes,
  originalName: r.original_name,
  portalId: r.portal_id,
  createdAt: r.created_at,
});

/** Newest first, keyset-paginated. With a portalId only that portal's assets, without it all of them. */
export async function listAssets(
  db: Db,
  opts: { portalId?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<{ assets: AssetSummary[]; nextCursor: string | null }> {
  const limit = Math.max(1, Math.min(100, Math.trunc(opts.limit)));
  if (opts.portalId !== undefined && !(await portalExists(db, opts.portalId))) throw noSuchPortal();
  let q = db.selectFrom('assets').selectAll();
  if (opts.portalId !== undefined) q = q.where('portal_id', '=', opts.portalId);
  if (opts.cursor !== undefined) {
    const c = decodeCursor(opts.cursor);
    q = q.where((eb) => eb.or([eb('created_at', '<', c.createdAt), eb.and([eb('created_at', '=', c.createdAt), eb('id', '<', c.id)])]));
  }
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { assets: page.map(toSummary), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
