// Image uploads over real HTTP: the type is sniffed from the bytes, names are generated, limits and
// CSRF hold, nothing is left behind by a refused upload, and /uploads serves only recorded files.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeImage } from '../../server/services/assets';
import { adminWithRole, Client, signIn, startTestServer, type TestServer } from '../helpers/server';

type Asset = { id: string; url: string; width: number; height: number; mime: string; bytes: number; originalName: string };
type ErrorBody = { error: { code: string; message: string } };

/** A real, decodable PNG: 8-bit RGB, filter byte 0 on each row, zlib-compressed, CRC32 per chunk. */
function png(width: number, height: number): Uint8Array<ArrayBuffer> {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // bit depth 8, colour type RGB, deflate, no filter method, no interlace
  const row = (y: number) => Buffer.from([0, ...Array.from({ length: width }, (_, x) => [x * 80, y * 120, 200]).flat()]);
  const raw = Buffer.concat(Array.from({ length: height }, (_, y) => row(y)));
  const file = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return new Uint8Array(file);
}

/** The classic 1×1 GIF89a: a two-colour global table and one LZW-coded pixel. */
const GIF_1X1 = new Uint8Array([
  0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x2c, 0x00, 0x00, 0x00, 0x00,
  0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b,
]);

const text = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

let srv: TestServer;
let owner: Client;
let portalId: string;
beforeAll(async () => {
  srv = await startTestServer();
  owner = await signIn(srv.url);
  portalId = (await owner.mutate<{ id: string }>('portals.create', { slug: 'acme', name: 'Acme' })).data!.id;
});
afterAll(() => srv.stop());

const uploadsDir = () => path.join(srv.dataDir, 'uploads');
/** Every entry in the uploads directory, temporary files included. */
const storedFiles = () => (fs.existsSync(uploadsDir()) ? fs.readdirSync(uploadsDir()).sort() : []);
const assetRows = async () => (await srv.db.selectFrom('assets').select(['id']).execute()).length;

function upload(c: Client, body: Uint8Array<ArrayBuffer>, opts: { type?: string; query?: string; headers?: Record<string, string> } = {}) {
  return c.fetch(`/admin/api/assets${opts.query ?? `?portalId=${portalId}`}`, {
    method: 'POST',
    headers: { 'content-type': opts.type ?? 'image/png', origin: c.origin, ...opts.headers },
    body,
  });
}

/** Runs a refused upload and checks that it left neither a file nor a row. */
async function refused(run: () => Promise<Response>, status: number, message?: RegExp): Promise<ErrorBody> {
  const files = storedFiles();
  const rows = await assetRows();
  const res = await run();
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await res.json()) as ErrorBody;
  if (message) expect(body.error.message).toMatch(message);
  expect(storedFiles()).toEqual(files);
  expect(await assetRows()).toBe(rows);
  return body;
}

describe('uploading images', () => {
  it('stores a PNG with its real size under a generated name and serves it back byte for byte', async () => {
    const bytes = png(3, 2);
    const res = await upload(owner, bytes, { query: `?portalId=${portalId}&name=${encodeURIComponent('logo.png')}` });
    expect(res.status).toBe(200);
    const { asset } = (await res.json()) as { asset: Asset };
    expect(asset).toMatchObject({ width: 3, height: 2, mime: 'image/png', bytes: bytes.length, originalName: 'logo.png' });
    expect(asset.url).toMatch(/^\/uploads\/[A-Za-z0-9_-]{24}\.png$/);
    expect(asset.url).not.toContain('logo');
    expect(storedFiles()).toEqual([asset.url.slice('/uploads/'.length)]);

    const got = await new Client(srv.url).fetch(asset.url);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(got.headers.get('content-disposition')).toBe('inline');
  });

  it('takes the type from the bytes, not from Content-Type or the name', async () => {
    const res = await upload(owner, png(4, 4), { type: 'image/gif', query: `?portalId=${portalId}&name=photo.gif` });
    expect(res.status).toBe(200);
    const { asset } = (await res.json()) as { asset: Asset };
    expect(asset).toMatchObject({ mime: 'image/png', width: 4, height: 4, originalName: 'photo.gif' });
    expect(asset.url).toMatch(/\.png$/);
    expect((await owner.fetch(asset.url)).headers.get('content-type')).toBe('image/png');

    const gif = await upload(owner, GIF_1X1, { type: 'application/octet-stream' });
    expect(gif.status).toBe(200);
    expect(((await gif.json()) as { asset: Asset }).asset).toMatchObject({ mime: 'image/gif', width: 1, height: 1, originalName: 'image.gif' });
  });

  it('keeps the original name only as cleaned metadata', async () => {
    const name = `C:\\fakepath\\ph\u0000o\u202eto${'x'.repeat(300)}.png`;
    const res = await upload(owner, png(1, 1), { query: `?portalId=${portalId}&name=${encodeURIComponent(name)}` });
    const { asset } = (await res.json()) as { asset: Asset };
    expect(asset.originalName).toBe(`photo${'x'.repeat(195)}`);
    expect(asset.url).toMatch(/^\/uploads\/[A-Za-z0-9_-]+\.png$/);
  });

  it('lets designers upload, and shared assets need no portal', async () => {
    const designer = await adminWithRole(srv.url, owner, 'designer');
    const res = await upload(designer, png(2, 2), { query: '' });
    expect(res.status).toBe(200);
    const { asset } = (await res.json()) as { asset: Asset };
    const row = await srv.db.selectFrom('assets').selectAll().where('id', '=', asset.id).executeTakeFirstOrThrow();
    expect(row.portal_id).toBeNull();
  });

  it('writes an audit entry with the upload', async () => {
    const res = await upload(owner, png(5, 1), { query: `?portalId=${portalId}&name=banner.png` });
    const { asset } = (await res.json()) as { asset: Asset };
    const entry = await srv.db.selectFrom('audit_log').selectAll().where('action', '=', 'asset.upload').where('target', '=', asset.id).executeTakeFirstOrThrow();
    const me = await srv.db.selectFrom('admins').select('id').where('email', '=', 'owner@portico.test').executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ actor_type: 'admin', actor_id: me.id, portal_id: portalId });
    expect(JSON.parse(entry.details)).toMatchObject({ originalName: 'banner.png', mime: 'image/png', width: 5, height: 1, fileName: asset.url.slice('/uploads/'.length) });
    const row = await srv.db.selectFrom('assets').selectAll().where('id', '=', asset.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ created_by: me.id, portal_id: portalId, width: 5, height: 1, bytes: asset.bytes });
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('refused uploads leave nothing behind', () => {
  it('refuses an SVG, naming why', async () => {
    const svg = text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>');
    const sniffed = await refused(() => upload(owner, svg, { query: `?portalId=${portalId}&name=pic.png` }), 415, /SVG.*scripts/);
    expect(sniffed.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    await refused(() => upload(owner, svg, { type: 'image/svg+xml' }), 415, /SVG.*scripts/);
  });

  it('refuses an HTML file named .png', async () => {
    const html = text('<!doctype html><html><body><script>fetch("/admin/api/trpc/admins.list")</script></body></html>');
    await refused(() => upload(owner, html, { query: `?portalId=${portalId}&name=cat.png` }), 415, /not a supported image \(PNG, JPEG, GIF, WebP or AVIF\)/);
  });

  it('refuses empty, damaged and oversized-dimension images', async () => {
    await refused(() => upload(owner, new Uint8Array(0)), 400, /empty or too small/);
    const huge = png(1, 1);
    new DataView(huge.buffer).setUint32(16, 20_000); // IHDR width; no need to decode to refuse it
    await refused(() => upload(owner, huge), 400, /12000 pixels/);
    const zero = png(1, 1);
    new DataView(zero.buffer).setUint32(20, 0);
    await refused(() => upload(owner, zero), 400, /1 to 12000/);
  });

  it('answers a 6 MB body with 413 and stores nothing', async () => {
    const big = new Uint8Array(6 * 1024 * 1024);
    big.set(png(3, 2));
    const body = await refused(() => upload(owner, big), 413, /larger than 5 MB/);
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('requires a signed-in admin', async () => {
    const anon = new Client(srv.url);
    const body = await refused(() => upload(anon, png(3, 2)), 401, /Sign in/);
    expect(body.error.code).toBe('UNAUTHORIZED');
    await refused(() => anon.fetch(`/admin/api/assets?portalId=${portalId}`), 401);
  });

  it('refuses cross-site requests', async () => {
    await refused(() => upload(owner, png(3, 2), { headers: { origin: 'https://evil.example' } }), 403, /cross-origin/);
    await refused(() => upload(owner, png(3, 2), { headers: { 'sec-fetch-site': 'cross-site' } }), 403, /cross-site/);
    const noOrigin = () => owner.fetch(`/admin/api/assets?portalId=${portalId}`, { method: 'POST', headers: { 'content-type': 'image/png' }, body: png(3, 2) });
    await refused(noOrigin, 403, /Origin/);
  });

  it('refuses the body types a cross-site form can send', async () => {
    for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/json']) {
      const body = await refused(() => upload(owner, png(3, 2), { type }), 415, /Content-Type image\/png/);
      expect(body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    const untyped = () => owner.fetch(`/admin/api/assets?portalId=${portalId}`, { method: 'POST', headers: { origin: owner.origin }, body: new Blob([png(3, 2)]) });
    await refused(untyped, 415);
  });

  it('answers an unknown portal with 404', async () => {
    const body = await refused(() => upload(owner, png(3, 2), { query: '?portalId=nope' }), 404, /No such portal/);
    expect(body.error.code).toBe('NOT_FOUND');
  });

  it('deletes the written file when the database refuses the row', async () => {
    const files = storedFiles();
    // An actor that is no admin breaks the created_by foreign key after the file is on disk.
    await expect(storeImage(srv.db, srv.dataDir, { id: 'ghost' }, { portalId, originalName: 'x.png', body: png(3, 2) })).rejects.toThrow();
    expect(storedFiles()).toEqual(files);
    expect(await srv.db.selectFrom('audit_log').select('id').where('actor_id', '=', 'ghost').execute()).toEqual([]);
  });

  it('refuses unknown query parameters', async () => {
    await refused(() => upload(owner, png(3, 2), { query: `?portalId=${portalId}&path=../../x` }), 400, /path/);
  });
});

describe('serving /uploads', () => {
  it('answers 404 for traversal attempts, other names and unknown files', async () => {
    const anon = new Client(srv.url);
    fs.mkdirSync(uploadsDir(), { recursive: true });
    // An orphan file on disk (as a crash between write and insert would leave) is never served.
    fs.writeFileSync(path.join(uploadsDir(), 'AAAAAAAAAAAAAAAAAAAAAAAA.png'), png(1, 1));
    for (const p of [
      '/uploads/..%2Fportico.sqlite',
      '/uploads/%2e%2e%2fportico.sqlite',
      '/uploads/..%5Cportico.sqlite',
      '/uploads/x.sqlite',
      '/uploads/x.svg',
      '/uploads/.hidden.png',
      '/uploads/a/b.png',
      '/uploads/',
      '/uploads/AAAAAAAAAAAAAAAAAAAAAAAA.png',
      '/uploads/BBBBBBBBBBBBBBBBBBBBBBBB.png',
    ]) {
      const res = await anon.fetch(p);
      expect(res.status, p).toBe(404);
      expect(await res.text(), p).not.toContain('SQLite');
    }
    fs.rmSync(path.join(uploadsDir(), 'AAAAAAAAAAAAAAAAAAAAAAAA.png'));
  });

  it('sends the Content-Type recorded at upload, not one guessed from the extension', async () => {
    const name = 'CCCCCCCCCCCCCCCCCCCCCCCC.png';
    fs.writeFileSync(path.join(uploadsDir(), name), png(1, 1));
    const at = new Date().toISOString();
    const row = { id: 'mime-probe', portal_id: null, file_name: name, original_name: 'p', mime: 'image/webp', bytes: 1, width: 1, height: 1, sha256: '0', created_at: at, created_by: null };
    await srv.db.insertInto('assets').values(row).execute();
    const res = await new Client(srv.url).fetch(`/uploads/${name}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    await srv.db.deleteFrom('assets').where('id', '=', 'mime-probe').execute();
    fs.rmSync(path.join(uploadsDir(), name));
  });
});

describe('listing assets', () => {
  it('lists a portal’s assets newest first, a page at a time', async () => {
    const all = (await (await owner.fetch(`/admin/api/assets?portalId=${portalId}`)).json()) as { assets: (Asset & { portalId: string })[]; nextCursor: string | null };
    expect(all.assets.length).toBeGreaterThanOrEqual(4);
    expect(all.assets.every((a) => a.portalId === portalId)).toBe(true);
    expect(all.nextCursor).toBeNull();

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const qs: string = `?portalId=${portalId}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await owner.fetch(`/admin/api/assets${qs}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as { assets: Asset[]; nextCursor: string | null };
      seen.push(...page.assets.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.assets.map((a) => a.id));

    const everything = (await (await owner.fetch('/admin/api/assets')).json()) as { assets: Asset[] };
    expect(everything.assets.length).toBe(all.assets.length + 1); // plus the designer's shared one
  });

  it('answers 404 for an unknown portal and 400 for a bad cursor', async () => {
    expect((await owner.fetch('/admin/api/assets?portalId=nope')).status).toBe(404);
    expect((await owner.fetch('/admin/api/assets?cursor=garbage')).status).toBe(400);
    expect((await owner.fetch('/admin/api/assets?limit=1000')).status).toBe(400);
  });
});
