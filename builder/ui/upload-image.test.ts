import { describe, expect, it } from 'vitest';
import { checkUpload, MAX_UPLOAD_BYTES } from './upload-image';

describe('checkUpload', () => {
  it('accepts the image types the server accepts', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', '']) expect(checkUpload({ type, size: 10 })).toBeNull();
  });

  it('refuses SVG, other types, empty and oversized files before sending them', () => {
    expect(checkUpload({ type: 'image/svg+xml', size: 10 })).toMatch(/SVG/);
    expect(checkUpload({ type: 'application/pdf', size: 10 })).toMatch(/PNG, JPEG/);
    expect(checkUpload({ type: 'image/png', size: 0 })).toMatch(/empty/);
    expect(checkUpload({ type: 'image/png', size: MAX_UPLOAD_BYTES + 1 })).toMatch(/5 MB/);
  });
});
