// Files for `file` fields over real HTTP: the stored type is sniffed from the bytes, unsafe types
// are refused and leave nothing behind, limits and CSRF hold, a field's own limits are enforced,
// and a file attached to a record downloads back byte for byte as an attachment.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, type StoredFile } from '../../core';
import { storeFile } from '../../server/services/files';
import { adminWithRole, Client, signIn, startTestServer, type TestServer } from '../helpers/server';

type ErrorBody = { error: { code: string; message: string } };

/** A real PNG: 8-bit RGB rows with filter byte 0, zlib-compressed, CRC32 per chunk. */
function png(width: number, height: number): Buffer {
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
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.concat(Array.from({ length: height }, () => Buffer.from([0, ...new Array<number>(width * 3).fill(120)])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(120)]);
const HTML = Buffer.from('  <!DOCTYPE html><html><body><script>fetch("/admin/api/trpc/admins.list")</script></body></html>');
const SVG = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

let srv: TestServer;
let owner: Client;
beforeAll(async () => {
  srv = await startTestServer();
  owner = await signIn(srv.url);
  const created = await owner.mutate('entityTypes.create', {
    definition: {
      key: 'contract',
      label: { singular: 'Contract', plural: 'Contracts' },
      titleField: 'name',
      fields: [
        { key: 'name', label: 'Name', type: 'text', required: true },
        { key: 'signed', label: 'Signed copy', type: 'file', accept: ['application/pdf'], maxBytes: 1000 },
        { key: 'photo', label: 'Photo', type: 'file', accept: ['image/*'] },
        { key: 'attachment', label: 'Attachment', type: 'file' },
      ],
    },
  });
  if (created.status !== 200) throw new Error(`entityTypes.create: ${created.error?.message}`);
});
afterAll(() => srv.stop());

const filesDir = () => path.join(srv.dataDir, 'files');
const storedFiles = () => (fs.existsSync(filesDir()) ? fs.readdirSync(filesDir()).sort() : []);
const fileRows = async () => (await srv.db.selectFrom('files').select('id').execute()).length;

function upload(c: Client, body: Buffer, opts: { type?: string; query?: string; headers?: Record<string, string> } = {}) {
  return c.fetch(`/admin/api/files${opts.query ?? ''}`, {
    method: 'POST',
    headers: { 'content-type': opts.type ?? 'application/octet-stream', origin: c.origin, ...opts.headers },
    body: new Uint8Array(body),
  });
}

async function stored(res: Response): Promise<StoredFile> {
  expect(res.status).toBe(200);
  return ((await res.json()) as { file: StoredFile }).file;
}

/** Runs a refused upload and checks that it left neither a file nor a row. */
async function refused(run: () => Promise<Response>, status: number, message?: RegExp): Promise<ErrorBody> {
  const files = storedFiles();
  const rows = await fileRows();
  const res = await run();
  expect(res.status).toBe(status);
  const body = (await res.json()) as ErrorBody;
  if (message) expect(body.error.message).toMatch(message);
  expect(storedFiles()).toEqual(files);
  expect(await fileRows()).toBe(rows);
  return body;
}

describe('storing files', () => {
  it('takes the type from the bytes: PNG declared as PDF is stored as image/png', async () => {
    const file = await stored(await upload(owner, png(2, 2), { type: 'application/pdf', query: `?name=${encodeURIComponent('scan.png')}` }));
    expect(file).toMatchObject({ name: 'scan.png', mime: 'image/png', bytes: png(2, 2).length });
    expect(file.id).toMatch(/^f_/);
    const row = await srv.db.selectFrom('files').selectAll().where('id', '=', file.id).executeTakeFirstOrThrow();
    expect(row.mime).toBe('image/png');
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Stored under a random name, never the client's.
    expect(row.storage_name).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(fs.readFileSync(path.join(filesDir(), row.storage_name)).equals(png(2, 2))).toBe(true);
    const entry = await srv.db.selectFrom('audit_log').selectAll().where('action', '=', 'file.upload').where('target', '=', file.id).executeTakeFirstOrThrow();
    expect(entry.actor_type).toBe('admin');
  });

  it('gives the name the extension of the stored type, and cleans it', async () => {
    const mislabelled = await stored(await upload(owner, png(1, 1), { query: `?name=${encodeURIComponent('report.pdf')}` }));
    expect(mislabelled.name).toBe('report.pdf.png');
    const traversal = await stored(await upload(owner, PDF, { type: 'application/pdf', query: `?name=${encodeURIComponent('..\\..\\C:\\x/\u202eevil\u0000.pdf')}` }));
    expect(traversal.name).toBe('evil.pdf');
    const long = await stored(await upload(owner, PDF, { query: `?name=${'n'.repeat(300)}.pdf` }));
    expect(Array.from(long.name)).toHaveLength(200);
    expect(long.name.endsWith('.pdf')).toBe(true);
    const unnamed = await stored(await upload(owner, PDF));
    expect(unnamed.name).toBe('file.pdf');
  });

  it('keeps UTF-8 text as text/plain or text/csv; a script named .bat becomes .txt', async () => {
    const csv = await stored(await upload(owner, Buffer.from('a,b\n1,2\n'), { type: 'text/csv', query: '?name=data' }));
    expect(csv).toMatchObject({ mime: 'text/csv', name: 'data.csv' });
    const byName = await stored(await upload(owner, Buffer.from('a;b\n'), { query: '?name=export.csv' }));
    expect(byName.mime).toBe('text/csv');
    const bat = await stored(await upload(owner, Buffer.from('del /q C:\\*\r\n'), { query: '?name=run.bat' }));
    expect(bat).toMatchObject({ mime: 'text/plain', name: 'run.bat.txt' });
  });

  it('refuses HTML, SVG, programs and scripts, and text that is not UTF-8', async () => {
    await refused(() => upload(owner, HTML, { query: '?name=page.txt' }), 415, /HTML.*scripts/);
    await refused(() => upload(owner, SVG, { type: 'image/png', query: '?name=logo.png' }), 415, /SVG.*scripts/);
    await refused(() => upload(owner, Buffer.from('<svg><script>alert(1)</script></svg>'), { type: 'text/csv' }), 415, /SVG/);
    const elf = await refused(() => upload(owner, ELF, { type: 'application/pdf', query: '?name=invoice.pdf' }), 415, /Programs and scripts are not accepted/);
    expect(elf.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    await refused(() => upload(owner, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)])), 415, /Programs/);
    await refused(() => upload(owner, Buffer.from('#!/bin/sh\nrm -rf /\n'), { query: '?name=notes.txt' }), 415, /Programs and scripts/);
    await refused(() => upload(owner, Buffer.from([0x68, 0x69, 0x00, 0x21])), 415, /could not be recognised/);
    await refused(() => upload(owner, Buffer.from([0x68, 0xc3, 0x28])), 415, /UTF-8/);
    await refused(() => upload(owner, Buffer.alloc(0)), 400, /empty/);
  });

  it('answers a body over the limit with 413 and stores nothing', async () => {
    const big = Buffer.alloc(MAX_FILE_BYTES + 1);
    PDF.copy(big);
    const body = await refused(() => upload(owner, big), 413, /larger than 25 MB/);
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('checks a named field’s accept list and size before storing', async () => {
    await refused(() => upload(owner, png(1, 1), { query: '?type=contract&field=signed&name=a.png' }), 415, /^Signed copy: "a\.png" \(image\/png\) .*application\/pdf/);
    const bigPdf = Buffer.concat([PDF, Buffer.alloc(2000, 0x20)]);
    await refused(() => upload(owner, bigPdf, { query: '?type=contract&field=signed&name=a.pdf' }), 413, /Signed copy: "a\.pdf" is larger than/);
    await refused(() => upload(owner, PDF, { query: '?type=contract&field=name' }), 400, /"name" is a text field, not a file field/);
    await refused(() => upload(owner, PDF, { query: '?type=contract&field=nope' }), 400, /"Contract" has no field "nope"/);
    await refused(() => upload(owner, PDF, { query: '?type=nope&field=x' }), 404, /no entity type "nope"/);
    await refused(() => upload(owner, PDF, { query: '?type=contract' }), 400, /type and field go together/);
    await refused(() => upload(owner, PDF, { query: '?path=../x' }), 400, /path/);
    const fits = await stored(await upload(owner, PDF, { query: '?type=contract&field=signed&name=signed.pdf' }));
    expect(fits.mime).toBe('application/pdf');
  });

  it('enforces the field’s accept list again when the file is attached to a record', async () => {
    const image = await stored(await upload(owner, png(1, 1), { query: '?name=a.png' }));
    const r = await owner.mutate('records.create', { type: 'contract', data: { name: 'X', signed: image.id } });
    expect(r.status).toBe(400);
    expect(r.error?.data.issues).toEqual([{ field: 'signed', message: expect.stringMatching(/^"a\.png" \(image\/png\) .*this field takes application\/pdf$/) }]);
    const ok = await owner.mutate('records.create', { type: 'contract', data: { name: 'X', photo: image.id } });
    expect(ok.status).toBe(200);
  });

  it('refuses a service call for an unknown field before writing anything', async () => {
    const before = storedFiles();
    await expect(storeFile(srv.db, { dataDir: srv.dataDir }, { kind: 'admin', id: null }, { name: 'a.pdf', bytes: PDF, declaredType: 'application/pdf', target: { type: 'contract', field: 'ghost' } })).rejects.toThrow(/no field "ghost"/);
    expect(storedFiles()).toEqual(before);
  });
});

describe('who may upload', () => {
  it('requires a signed-in owner or admin', async () => {
    const anon = await refused(() => upload(new Client(srv.url), PDF), 401, /Sign in/);
    expect(anon.error.code).toBe('UNAUTHORIZED');
    const designer = await adminWithRole(srv.url, owner, 'designer');
    await refused(() => upload(designer, PDF), 403, /owner, admin/);
    const admin = await adminWithRole(srv.url, owner, 'admin');
    await stored(await upload(admin, PDF));
  });

  it('refuses cross-site requests', async () => {
    await refused(() => upload(owner, PDF, { headers: { origin: 'https://evil.example' } }), 403, /cross-origin/);
    await refused(() => upload(owner, PDF, { headers: { 'sec-fetch-site': 'cross-site' } }), 403, /cross-site/);
    await refused(() => owner.fetch('/admin/api/files', { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: new Uint8Array(PDF) }), 403, /Origin/);
  });

  it('refuses the body types a cross-site form can send', async () => {
    for (const type of ['text/plain', 'text/plain; charset=utf-8', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded']) {
      const body = await refused(() => upload(owner, PDF, { type }), 415, /form, multipart and text\/plain bodies are refused/);
      expect(body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    await refused(() => owner.fetch('/admin/api/files', { method: 'POST', headers: { origin: owner.origin }, body: new Blob([new Uint8Array(PDF)]) }), 415);
  });
});

describe('downloading files', () => {
  it('downloads a file attached to a record byte for byte, as an attachment', async () => {
    const bytes = Buffer.concat([PDF, Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 256))]);
    const file = await stored(await upload(owner, bytes, { type: 'application/pdf', query: `?type=contract&field=attachment&name=${encodeURIComponent('Vertrag März "2026".pdf')}` }));
    const created = await owner.mutate<{ id: string }>('records.create', { type: 'contract', data: { name: 'Solar', attachment: file.id } });
    expect(created.status).toBe(200);
    const record = await owner.query<{ data: { attachment: StoredFile } }>('records.get', { type: 'contract', id: created.data!.id });
    expect(record.data!.data.attachment).toEqual(file);

    // Designers read records, so they may read their files too.
    const designer = await adminWithRole(srv.url, owner, 'designer');
    const res = await designer.fetch(`/admin/api/files/${record.data!.data.attachment.id}`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''Vertrag%20M%C3%A4rz%20%222026%22.pdf`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });

  it('sends text with its charset', async () => {
    const file = await stored(await upload(owner, Buffer.from('Grüße\n'), { query: '?name=hello.txt' }));
    const res = await owner.fetch(`/admin/api/files/${file.id}`);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toBe('Grüße\n');
  });

  it('keeps a file when its record is deleted', async () => {
    const file = await stored(await upload(owner, PDF, { query: '?name=kept.pdf' }));
    const created = await owner.mutate<{ id: string }>('records.create', { type: 'contract', data: { name: 'Temp', attachment: file.id } });
    expect((await owner.mutate('records.delete', { type: 'contract', id: created.data!.id })).status).toBe(200);
    const res = await owner.fetch(`/admin/api/files/${file.id}`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('answers 401 without a session and 404 for unknown ids', async () => {
    const file = await stored(await upload(owner, PDF));
    const anon = await new Client(srv.url).fetch(`/admin/api/files/${file.id}`);
    expect(anon.status).toBe(401);
    expect(await anon.text()).not.toContain('%PDF');
    for (const id of ['f_nope', '..%2Fportico.sqlite', '..%2F..%2Fportico.sqlite', 'x'.repeat(150)]) {
      const res = await owner.fetch(`/admin/api/files/${id}`);
      expect(res.status, id).toBe(404);
      expect(((await res.json()) as ErrorBody).error.code, id).toBe('NOT_FOUND');
    }
  });

  it('answers 404 when a recorded file is missing on disk', async () => {
    const file = await stored(await upload(owner, PDF));
    const row = await srv.db.selectFrom('files').select('storage_name').where('id', '=', file.id).executeTakeFirstOrThrow();
    fs.rmSync(path.join(filesDir(), row.storage_name));
    const res = await owner.fetch(`/admin/api/files/${file.id}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-disposition')).toBeNull();
  });
});
