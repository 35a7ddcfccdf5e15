// Files for `file` fields: the real type is sniffed from the bytes (never taken from the client),
// only safe document and image types are kept, the bytes are written atomically under a random
// name in DATA_DIR/files, then the `files` row is recorded with its audit entry. Records refer to
// a file by its id; fileFitsField (core) checks a field's own limits when one is attached.
import { createHash, randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { TRPCError } from '@trpc/server';
import { fileTypeFromBuffer } from 'file-type';
import { fieldOf, fileFitsField, MAX_FILE_BYTES, newId, SAFE_FILE_TYPES, type StoredFile } from '../../core';
import type { Config } from '../config';
import { writeTx, type Db } from '../db/database';
import { writeFileAtomic } from './atomic-file';
import { audit } from './audit';
import { requireType } from './entity-types';
import type { Actor } from './record-store';

export const MAX_FILE_NAME = 200;
export const FILE_TOO_LARGE_MESSAGE = `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, the limit for uploads.`;
export const filesDir = (dataDir: string): string => path.join(dataDir, 'files');

/** Our generated storage names (24 base64url characters), and nothing else: no dots, no separators. */
const STORAGE_NAME = /^[A-Za-z0-9_-]{24}$/;

/** File name extensions per safe type; the first is appended when a name lacks all of them. */
const EXTENSIONS: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'text/plain': ['txt', 'text', 'log'],
  'text/csv': ['csv'],
  'application/zip': ['zip'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
};

const ACCEPTED_LIST = 'PDF, PNG, JPEG, GIF, WebP, plain text, CSV, ZIP, Word, Excel, PowerPoint, OpenDocument text or spreadsheet';
export const SVG_FILE_MESSAGE = 'SVG files are not accepted because they can carry scripts; upload a PNG or PDF instead.';
export const HTML_FILE_MESSAGE = 'HTML and XML files are not accepted because a browser would run their scripts; upload a PDF or plain text instead.';
export const EXECUTABLE_MESSAGE = 'Programs and scripts are not accepted.';

/** What file-type reports for programs (and script-like archives): refused with their own message. */
const EXECUTABLES = new Set([
  'application/x-elf',
  'application/x-msdownload',
  'application/x-mach-binary',
  'application/x-executable',
  'application/x-sharedlib',
  'application/vnd.microsoft.portable-executable',
  'application/x-msi',
  'application/java-archive',
  'application/x-java-archive',
  'application/vnd.android.package-archive',
  'application/x-apple-diskimage',
  'application/wasm',
  'application/x-shockwave-flash',
]);

const unsupported = (message: string) => new TRPCError({ code: 'UNSUPPORTED_MEDIA_TYPE', message });

/**
 * Text a browser would sniff as a document rather than text: the HTML signatures of the WHATWG MIME
 * sniffing standard (after leading whitespace), plus XML prologs and SVG. Served as text/plain with
 * nosniff and as an attachment it would be inert, but there is no reason to keep it.
 */
function markupKind(text: string): 'svg' | 'html' | null {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (!head.startsWith('<')) return null;
  if (/^<svg[\s>/]/.test(head) || (/^<\?xml/.test(head) && /<svg[\s>/]/.test(head))) return 'svg';
  if (/^<\?xml/.test(head)) return 'html';
  if (/^<!doctype\s+html[\s>]/.test(head) || /^<!--/.test(head)) return 'html';
  return /^<(html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|math|object|embed)[\s>/]/.test(head) ? 'html' : null;
}

/** Strict UTF-8 without NUL bytes: what plain text and CSV must be, since their type cannot be sniffed. */
function utf8Text(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

/**
 * The stored type of a file, from its bytes. Formats with a signature are what file-type says they
 * are, whatever was declared; text has none, so it is kept only as strict UTF-8 without NUL bytes
 * and not markup: text/csv when declared so or named .csv, text/plain otherwise.
 */
export async function sniffFileType(bytes: Uint8Array, declaredType: string, name: string): Promise<string> {
  const sniffed = await fileTypeFromBuffer(bytes);
  if (sniffed) {
    if (EXECUTABLES.has(sniffed.mime)) throw unsupported(EXECUTABLE_MESSAGE);
    if (sniffed.mime === 'image/svg+xml') throw unsupported(SVG_FILE_MESSAGE);
    if (sniffed.mime === 'application/xml' || sniffed.mime === 'text/html') {
      throw unsupported(markupKind(Buffer.from(bytes).toString('utf8')) === 'svg' ? SVG_FILE_MESSAGE : HTML_FILE_MESSAGE);
    }
    if (!SAFE_FILE_TYPES.includes(sniffed.mime)) throw unsupported(`${sniffed.ext.toUpperCase()} files (${sniffed.mime}) are not accepted; upload ${ACCEPTED_LIST}.`);
    return sniffed.mime;
  }
  const text = utf8Text(bytes);
  if (text === null) throw unsupported(`The file's type could not be recognised; upload ${ACCEPTED_LIST}. Text files must be UTF-8.`);
  const markup = markupKind(text);
  if (markup) throw unsupported(markup === 'svg' ? SVG_FILE_MESSAGE : HTML_FILE_MESSAGE);
  // A script is text, but one a double click may run.
  if (text.replace(/^\uFEFF/, '').startsWith('#!')) throw unsupported(EXECUTABLE_MESSAGE);
  const declared = declaredType.split(';')[0]!.trim().toLowerCase();
  return declared === 'text/csv' || extensionOf(name) === 'csv' ? 'text/csv' : 'text/plain';
}

/**
 * The client's name as harmless metadata: last path segment, no control or bidi characters, at most
 * 200 characters, and ending in an extension of the stored type, so that the downloaded copy opens
 * as what it is (a text file named `run.bat` becomes `run.bat.txt`).
 */
export function cleanFileName(raw: string | undefined, mime: string): string {
  const exts = EXTENSIONS[mime] ?? ['bin'];
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  // Bidi overrides could make "fdp.exe" read as "exe.pdf".
  // eslint-disable-next-line no-control-regex
  const name = base.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '').trim();
  // The ending is kept whole when the name is shortened: the stored type's extension, or one added.
  const ext = extensionOf(name);
  const ending = exts.includes(ext) ? name.slice(name.length - ext.length - 1) : `.${exts[0]}`;
  let stem = exts.includes(ext) ? name.slice(0, name.length - ending.length) : name;
  const chars = Array.from(stem);
  if (chars.length > MAX_FILE_NAME - ending.length) stem = chars.slice(0, MAX_FILE_NAME - ending.length).join('').trim();
  if (!stem || stem === '.' || stem === '..') stem = 'file';
  return `${stem}${ending}`;
}


/** The file field an upload is meant for, so it can be refused before it is stored. */
export type FileTarget = { type: string; field: string };

async function checkTarget(db: Db, target: FileTarget, file: { bytes: number; mime: string; name: string }): Promise<void> {
  const type = await requireType(db, target.type);
  const field = fieldOf(type, target.field);
  if (!field) throw new TRPCError({ code: 'BAD_REQUEST', message: `"${type.label.singular}" has no field "${target.field}".` });
  if (field.type !== 'file') throw new TRPCError({ code: 'BAD_REQUEST', message: `"${target.field}" is a ${field.type} field, not a file field.` });
  const problem = fileFitsField(field, file);
  if (problem) throw new TRPCError({ code: file.bytes > field.maxBytes ? 'PAYLOAD_TOO_LARGE' : 'UNSUPPORTED_MEDIA_TYPE', message: `${field.label}: ${problem}.` });
}

/**
 * Stores an uploaded file. The bytes are written first and the row inserted after, so a crash in
 * between leaves at most an orphan file that nothing refers to and nothing serves.
 */
export async function storeFile(
  db: Db,
  config: Pick<Config, 'dataDir'>,
  actor: Actor,
  input: { name: string; bytes: Buffer; declaredType: string; target?: FileTarget | undefined },
): Promise<StoredFile> {
  const { bytes } = input;
  if (bytes.length > MAX_FILE_BYTES) throw new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: FILE_TOO_LARGE_MESSAGE });
  if (bytes.length === 0) throw new TRPCError({ code: 'BAD_REQUEST', message: 'The file is empty.' });
  const mime = await sniffFileType(bytes, input.declaredType, input.name);
  const name = cleanFileName(input.name, mime);
  if (input.target) await checkTarget(db, input.target, { bytes: bytes.length, mime, name });

  const id = newId('f');
  const storageName = randomBytes(18).toString('base64url');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const dir = filesDir(config.dataDir);
  await writeFileAtomic(dir, storageName, bytes, 0o600);
  try {
    await writeTx(db, async (trx) => {
      await trx
        .insertInto('files')
        .values({
          id,
          storage_name: storageName,
          name,
          mime,
          bytes: bytes.length,
          sha256,
          created_at: new Date().toISOString(),
          created_by: actor.id ? `${actor.kind}:${actor.id}` : actor.kind,
        })
        .execute();
      await audit(trx, { actor_type: actor.kind, actor_id: actor.id, action: 'file.upload', target: id, details: { name, mime, bytes: bytes.length, sha256 } });
    });
  } catch (err) {
    await fsp.rm(path.join(dir, storageName), { force: true });
    throw err;
  }
  return { id, name, mime, bytes: bytes.length };
}

/** A stored file and where its bytes are, or null for an unknown id. */
export async function openFile(db: Db, config: Pick<Config, 'dataDir'>, id: string): Promise<{ file: StoredFile; path: string } | null> {
  if (typeof id !== 'string' || id.length === 0 || id.length > 100) return null;
  const row = await db.selectFrom('files').select(['id', 'name', 'mime', 'bytes', 'storage_name']).where('id', '=', id).executeTakeFirst();
  // The name is ours, but a row edited by hand must still not point outside the directory.
  if (!row || !STORAGE_NAME.test(row.storage_name)) return null;
  return { file: { id: row.id, name: row.name, mime: row.mime, bytes: Number(row.bytes) }, path: path.join(filesDir(config.dataDir), row.storage_name) };
}
