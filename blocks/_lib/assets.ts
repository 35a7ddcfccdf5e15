// Image sources and alt text, shared by every block that shows a picture (image, hero, contact card).
// A source is an uploaded asset (/_assets/…, /uploads/…) or an https URL; empty means "not chosen yet".
import { z } from 'zod';

export const ASSET_SRC_MESSAGE = 'images must be an uploaded file (/_assets/… or /uploads/…) or an https:// address';
export const ALT_REQUIRED_MESSAGE = 'describe the image for people who cannot see it (alt text), or mark it as decorative';

export function isAssetSrc(src: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f\\"'<>]/.test(src)) return false;
  if (/^\/(_assets|uploads)\/./.test(src)) return !/(^|\/)\.\.?(\/|$)/.test(src);
  try {
    const url = new URL(src);
    return url.protocol === 'https:' && url.hostname !== '' && /^https:\/\//i.test(src);
  } catch {
    return false;
  }
}

/** An image source prop (empty until an image is chosen). */
export const assetSrcSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => v === '' || isAssetSrc(v), ASSET_SRC_MESSAGE);

/** Intrinsic pixel size: reserves the image's box before it loads, so nothing below it shifts. */
export const pixelSizeSchema = z.number().int().min(1).max(10_000);

type IssueSink = { addIssue: (issue: { code: 'custom'; message: string; path: PropertyKey[] }) => void };

/** For `.superRefine` on a block's props: a chosen, non-decorative image needs alt text. */
export function requireAlt(src: string, alt: string, decorative: boolean, altKey: string, ctx: IssueSink): void {
  if (src !== '' && !decorative && alt.trim() === '') ctx.addIssue({ code: 'custom', path: [altKey], message: ALT_REQUIRED_MESSAGE });
}
