// The limits of a file field, as one rule for uploads, record writes and type changes alike.
import type { FieldOf } from './entity-type';

/** Media types a file field takes when it names none: documents and images, nothing executable. */
export const SAFE_FILE_TYPES: readonly string[] = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'text/plain',
  'text/csv',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
];

/** 10 MB, 1.5 MB, 48 KB, 900 bytes: limits as people read them. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`;
  return `${n} bytes`;
}

const acceptsMime = (accept: readonly string[], mime: string) => accept.some((a) => a === mime || (a.endsWith('/*') && mime.startsWith(a.slice(0, -1))));

/** Why a stored file may not be the value of a file field (size, type), or null when it may. */
export function fileFitsField(field: FieldOf<'file'>, file: { bytes: number; mime: string; name: string }): string | null {
  if (file.bytes > field.maxBytes) return `"${file.name}" is larger than ${formatBytes(field.maxBytes)}`;
  const accept = field.accept.length ? field.accept : SAFE_FILE_TYPES;
  if (!acceptsMime(accept, file.mime)) return `"${file.name}" (${file.mime}) is not accepted here; this field takes ${accept.join(', ')}`;
  return null;
}
