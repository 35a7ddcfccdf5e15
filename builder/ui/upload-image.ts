// Uploads an image file to the admin API (POST /admin/api/assets, the raw bytes as the body; see
// docs/admin-api.md "Uploads") and answers the stored asset's URL and pixel size.
export const UPLOAD_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif'] as const;
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export type UploadedAsset = { url: string; width: number; height: number };

/** Why a file cannot be uploaded, checked before sending it; null when it may be. */
export function checkUpload(file: { type: string; size: number }): string | null {
  if (file.type === 'image/svg+xml') return 'SVG images are not accepted (they can carry scripts): use PNG, JPEG, GIF, WebP or AVIF';
  if (file.type && !(UPLOAD_TYPES as readonly string[]).includes(file.type)) return 'choose a PNG, JPEG, GIF, WebP or AVIF image';
  if (file.size === 0) return 'this file is empty';
  if (file.size > MAX_UPLOAD_BYTES) return 'images can be at most 5 MB';
  return null;
}

export async function uploadImage(file: File, portalId: string | null): Promise<UploadedAsset> {
  const query = new URLSearchParams({ name: file.name });
  if (portalId) query.set('portalId', portalId);
  let res: Response;
  try {
    res = await fetch(`/admin/api/assets?${query}`, {
      method: 'POST',
      body: file,
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
      credentials: 'same-origin',
    });
  } catch {
    throw new Error('the upload failed: the server cannot be reached');
  }
  const body = (await res.json().catch(() => null)) as { asset?: UploadedAsset; error?: { message?: string } } | null;
  if (!res.ok || !body?.asset) throw new Error(body?.error?.message ?? `the upload failed (HTTP ${res.status})`);
  return { url: body.asset.url, width: body.asset.width, height: body.asset.height };
}
