// Contrast: hex parsing, WCAG luminance and ratios against known values, the AA threshold.
import { describe, expect, it } from 'vitest';
import { AA_NORMAL_TEXT, contrastRatio, formatRatio, normalizeHex, parseHex, relativeLuminance } from './contrast';

describe('parseHex / normalizeHex', () => {
  it('reads six- and three-digit colours, with or without #', () => {
    expect(parseHex('#2457d6')).toEqual([0x24, 0x57, 0xd6]);
    expect(parseHex('FFF')).toEqual([255, 255, 255]);
    expect(normalizeHex(' #AbC ')).toBe('#aabbcc');
    expect(normalizeHex('2457D6')).toBe('#2457d6');
  });

  it('refuses anything else', () => {
    for (const bad of ['', '#12345', '#1234567', 'red', '#ggg', 'rgb(0,0,0)']) {
      expect(parseHex(bad)).toBeNull();
      expect(normalizeHex(bad)).toBeNull();
    }
  });
});

describe('contrastRatio', () => {
  it('gives 21 for black on white and 1 for a colour on itself', () => {
    expect(relativeLuminance([0, 0, 0])).toBe(0);
    expect(relativeLuminance([255, 255, 255])).toBeCloseTo(1, 10);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#2457d6', '#2457d6')).toBe(1);
  });

  it('matches known WCAG values', () => {
    // #767676 on white is the classic lightest grey that passes AA (4.54:1).
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')!).toBeLessThan(AA_NORMAL_TEXT);
    expect(contrastRatio('#ffffff', '#2457d6')!).toBeGreaterThan(AA_NORMAL_TEXT);
    expect(contrastRatio('#ffff00', '#ffffff')!).toBeLessThan(1.1);
  });

  it('is null for an invalid colour', () => {
    expect(contrastRatio('#fff', 'nope')).toBeNull();
  });
});

describe('formatRatio', () => {
  it('rounds down to one decimal', () => {
    expect(formatRatio(4.499)).toBe('4.4:1');
    expect(formatRatio(21)).toBe('21.0:1');
    expect(formatRatio(4.54)).toBe('4.5:1');
  });
});
