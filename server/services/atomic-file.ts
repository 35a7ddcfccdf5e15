// Writing a stored file so that it is either absent or complete under its final name, for image
// assets and record files alike: a temporary file in the same directory (same filesystem, so the
// rename is atomic), fsynced, renamed, and the directory fsynced so the rename survives a crash.
import { randomBytes } from 'node:crypto';
import fsp, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';

export async function writeFileAtomic(dir: string, name: string, data: Uint8Array, mode = 0o644): Promise<void> {
  await fsp.mkdir(dir, { recursive: true });
  // A leading dot and a suffix keep temporary files outside the stored-name patterns, so they are never served.
  const tmp = path.join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fh = await fsp.open(tmp, 'wx', mode);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fsp.rename(tmp, path.join(dir, name));
  } catch (err) {
    await fsp.rm(tmp, { force: true });
    throw err;
  }
  let dh: FileHandle | undefined;
  try {
    dh = await fsp.open(dir, 'r');
    await dh.sync();
  } catch {
    // Some platforms (Windows) cannot open or fsync a directory; the rename is still atomic there.
  } finally {
    await dh?.close();
  }
}
