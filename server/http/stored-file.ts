// Sending a stored file (an uploaded record file) as a download, the same way for the builder's
// admin route and a portal user's route: the type sniffed at upload, always an attachment, never
// sniffed or rendered in our origin, never cached by shared caches.
import path from 'node:path';
import type { Response } from 'express';

/** RFC 5987 encoding of a file name for `filename*`. */
const rfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Sends a stored file as a download: the type sniffed at upload, always an attachment, never
 * sniffed or rendered in our origin, never cached by shared caches. `onMissing` answers when the
 * row exists but the bytes do not.
 */
export function sendStoredFile(res: Response, found: { file: { id: string; name: string; mime: string }; path: string }, log: (msg: string) => void, onMissing: () => void): void {
  const { file } = found;
  res.set({
    'Content-Type': file.mime.startsWith('text/') ? `${file.mime}; charset=utf-8` : file.mime,
    'Content-Disposition': `attachment; filename*=UTF-8''${rfc5987(file.name)}`,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    'Content-Security-Policy': "default-src 'none'; sandbox",
  });
  res.sendFile(path.basename(found.path), { root: path.dirname(found.path), dotfiles: 'deny', cacheControl: false, lastModified: false, etag: false }, (err?: Error) => {
    if (!err) return;
    log(`files: ${file.id} is recorded but could not be read: ${err.message}`);
    if (!res.headersSent) {
      res.removeHeader('Content-Disposition');
      res.removeHeader('Content-Security-Policy');
      onMissing();
    } else res.destroy();
  });
}

