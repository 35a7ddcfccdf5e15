// Image sources: uploaded assets and https URLs only.
import { describe, expect, it } from 'vitest';
import { ASSET_SRC_MESSAGE, assetSrcSchema, isAssetSrc } from './assets';

describe('assetSrcSchema', () => {
  it.each(['/_assets/logo.svg', '/uploads/2024/team/maria.jpg', 'https://cdn.example.com/hero.webp', ''])('accepts "%s"', (src) => {
    expect(assetSrcSchema.safeParse(src).success).toBe(true);
  });

  it.each([
    'http://cdn.example.com/hero.jpg',
    '//cdn.example.com/hero.jpg',
    '/images/hero.jpg',
    '/_assets/../admin/secret',
    '/uploads/./x.png',
    '/_assets/',
    'data:image/svg+xml,<svg onload=alert(1)>',
    'javascript:alert(1)',
    '/uploads/a b.png',
    '/uploads/a".png',
    'uploads/x.png',
  ])('rejects "%s"', (src) => {
    const result = assetSrcSchema.safeParse(src);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]?.message).toBe(ASSET_SRC_MESSAGE);
  });

  it('is the same rule as isAssetSrc', () => {
    expect(isAssetSrc('/uploads/x.png')).toBe(true);
    expect(isAssetSrc('https:cdn.example.com/x.png')).toBe(false);
  });
});
