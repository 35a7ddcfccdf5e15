// The pure parts of uploads: type sniffing by signature, size reading, name cleaning and generation.
import { describe, expect, it } from 'vitest';
import { cleanOriginalName, inspectImage, newStoredName, readImageSize, sniffImageKind, STORED_NAME, SVG_MESSAGE, UNSUPPORTED_MESSAGE } from './assets';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const u16le = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
const u24le = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff];

/** Headers only: enough for sniffing and sizing, which never decode pixels. */
const pngHeader = (w: number, h: number) => bytes('\x89PNG\r\n\x1a\n', u32(13), 'IHDR', u32(w), u32(h), [8, 2, 0, 0, 0], u32(0));
const jpegHeader = (w: number, h: number) =>
  bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\0', [1, 1, 0, 0, 1, 0, 1, 0, 0], [0xff, 0xc0, 0x00, 0x11, 8, h >> 8, h & 0xff, w >> 8, w & 0xff, 3]);
const gifHeader = (w: number, h: number) => bytes('GIF89a', u16le(w), u16le(h), [0, 0, 0]);
const webpHeader = (w: number, h: number) => bytes('RIFF', [30, 0, 0, 0], 'WEBPVP8X', [10, 0, 0, 0], [0, 0, 0, 0], u24le(w - 1), u24le(h - 1));
function avifHeader(w: number, h: number, major = 'avif') {
  const ispe = bytes(u32(20), 'ispe', u32(0), u32(w), u32(h));
  const ipco = bytes(u32(8 + ispe.length), 'ipco', [...ispe]);
  const iprp = bytes(u32(8 + ipco.length), 'iprp', [...ipco]);
  const meta = bytes(u32(12 + iprp.length), 'meta', u32(0), [...iprp]);
  return bytes(u32(28), 'ftyp', major, u32(0), 'avifmif1miaf', [...meta]);
}

describe('sniffImageKind', () => {
  it('recognises each accepted type by its signature', () => {
    expect(sniffImageKind(pngHeader(3, 2))).toBe('png');
    expect(sniffImageKind(jpegHeader(3, 2))).toBe('jpeg');
    expect(sniffImageKind(gifHeader(3, 2))).toBe('gif');
    expect(sniffImageKind(webpHeader(3, 2))).toBe('webp');
    expect(sniffImageKind(avifHeader(3, 2))).toBe('avif');
    // Many encoders write mif1 as the major brand and list avif among the compatible ones.
    expect(sniffImageKind(avifHeader(3, 2, 'mif1'))).toBe('avif');
  });

  it('tells SVG apart, prolog, BOM and comments included', () => {
    expect(sniffImageKind(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('svg');
    expect(sniffImageKind(bytes('\xef\xbb\xbf  <?xml version="1.0"?><!-- x --><!DOCTYPE svg><SVG\nwidth="1">'))).toBe('svg');
  });

  it('refuses everything else', () => {
    for (const b of [
      bytes('<!doctype html><html><script>alert(1)</script></html>'),
      bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'),
      bytes('BM', u32(0), u32(0), u32(0)), // BMP
      bytes('II*\0', u32(0), u32(0)), // TIFF
      bytes(u32(24), 'ftypheic', u32(0), 'mif1heic'), // HEIC is not AVIF
      bytes('RIFF', u32(0), 'WAVEfmt ', u32(0), u32(0), u32(0), u32(0)),
      bytes('\x89PNG\r\n\x1a\n', u32(13), 'tEXt', u32(0), u32(0)), // no IHDR first
      new Uint8Array(64),
    ]) {
      expect(sniffImageKind(b)).toBeNull();
    }
  });
});

describe('readImageSize and inspectImage', () => {
  it('reads width and height for each type', () => {
    expect(readImageSize('png', pngHeader(3, 2))).toEqual({ width: 3, height: 2 });
    expect(readImageSize('jpeg', jpegHeader(640, 480))).toEqual({ width: 640, height: 480 });
    expect(readImageSize('gif', gifHeader(7, 9))).toEqual({ width: 7, height: 9 });
    expect(readImageSize('webp', webpHeader(1920, 1080))).toEqual({ width: 1920, height: 1080 });
    expect(readImageSize('avif', avifHeader(800, 600))).toEqual({ width: 800, height: 600 });
  });

  it('fails cleanly on a truncated file instead of reading past it', () => {
    const cut = jpegHeader(10, 10).subarray(0, 20);
    expect(readImageSize('jpeg', cut)).toBeNull();
    expect(readImageSize('avif', avifHeader(8, 8).subarray(0, 40))).toBeNull();
  });

  it('names what is wrong', () => {
    expect(() => inspectImage(new Uint8Array(3))).toThrow(/empty or too small/);
    expect(() => inspectImage(bytes('<svg onload="alert(1)"></svg>'))).toThrow(SVG_MESSAGE);
    expect(() => inspectImage(bytes('hello, world, this is text'))).toThrow(UNSUPPORTED_MESSAGE);
    expect(() => inspectImage(pngHeader(0, 5))).toThrow(/1 to 12000 pixels/);
    expect(() => inspectImage(pngHeader(12_001, 5))).toThrow(/12001×5/);
    expect(() => inspectImage(new Uint8Array(5 * 1024 * 1024 + 1))).toThrow(/larger than 5 MB/);
    expect(inspectImage(pngHeader(12_000, 1))).toEqual({ kind: 'png', width: 12_000, height: 1 });
  });
});

describe('names', () => {
  it('keeps the original name as harmless metadata', () => {
    expect(cleanOriginalName('holiday.jpg', 'jpg')).toBe('holiday.jpg');
    expect(cleanOriginalName('C:\\fakepath\\a.png', 'png')).toBe('a.png');
    expect(cleanOriginalName('../../etc/passwd', 'png')).toBe('passwd');
    expect(cleanOriginalName('in\u0000voice\r\n\u202egpj.exe', 'png')).toBe('invoicegpj.exe');
    expect(cleanOriginalName('  \u0007 ', 'gif')).toBe('image.gif');
    expect(cleanOriginalName(undefined, 'webp')).toBe('image.webp');
    const long = cleanOriginalName('é'.repeat(150) + '😀'.repeat(100), 'png');
    expect(Array.from(long)).toHaveLength(200);
    expect(long.endsWith('😀')).toBe(true); // cut between characters, never inside a surrogate pair
  });

  it('generates random names that only the serving pattern accepts', () => {
    const a = newStoredName('jpeg');
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}\.jpg$/);
    expect(STORED_NAME.test(a)).toBe(true);
    expect(newStoredName('jpeg')).not.toBe(a);
    for (const bad of ['../x.png', '..%2Fx.png', '.x.png', 'x.png/', 'x.PNG', 'x.svg', 'x.png.html', 'a b.png', 'x.sqlite']) {
      expect(STORED_NAME.test(bad), bad).toBe(false);
    }
  });
});
