// The theme editor's offers: palettes meet AA for every checked pair, font stacks are valid values.
import { describe, expect, it } from 'vitest';
import { themeSchema, defaultTheme } from '../../core';
import { AA_NORMAL_TEXT, contrastRatio } from './contrast';
import { CONTRAST_PAIRS, FONT_STACKS, PALETTES, fontProblem, fontStackIdOf } from './theme-options';

describe('palettes', () => {
  it('are valid themes whose checked pairs meet AA', () => {
    for (const p of PALETTES) {
      expect(themeSchema.safeParse({ ...defaultTheme, colors: p.colors, mode: p.mode }).success).toBe(true);
      for (const pair of CONTRAST_PAIRS) expect(contrastRatio(p.colors[pair.fg], p.colors[pair.bg])!, `${p.id}: ${pair.label}`).toBeGreaterThanOrEqual(AA_NORMAL_TEXT);
    }
  });
});

describe('font stacks', () => {
  it('are valid theme fonts with unique ids, the default among them', () => {
    expect(new Set(FONT_STACKS.map((f) => f.id)).size).toBe(FONT_STACKS.length);
    for (const f of FONT_STACKS) expect(fontProblem(f.stack)).toBeNull();
    expect(fontStackIdOf(defaultTheme.fonts.body)).toBe('system');
    expect(fontStackIdOf('Comic Sans MS')).toBeUndefined();
  });

  it('refuses empty, long and CSS-breaking custom stacks', () => {
    expect(fontProblem(' ')).toMatch(/Enter/);
    expect(fontProblem('a'.repeat(201))).toMatch(/200/);
    expect(fontProblem('Arial; color: red')).toMatch(/cannot contain/);
  });
});
