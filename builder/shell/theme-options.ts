// What the theme editor offers: the ten colours with their roles, font stacks that need no web-font
// download (from modernfontstacks.com), the contrast pairs worth checking and starting palettes.
import { defaultTheme, type Theme } from '../../core';

export type ColorKey = keyof Theme['colors'];

export const COLOR_FIELDS: readonly { key: ColorKey; label: string; help: string }[] = [
  { key: 'primary', label: 'Primary', help: 'Buttons, links, highlights.' },
  { key: 'primaryText', label: 'Text on primary', help: 'Labels on primary buttons and bands.' },
  { key: 'background', label: 'Background', help: 'Behind the page.' },
  { key: 'surface', label: 'Surface', help: 'Cards, header, panels.' },
  { key: 'text', label: 'Text', help: 'Headings and body text.' },
  { key: 'muted', label: 'Muted text', help: 'Secondary text and captions.' },
  { key: 'border', label: 'Border', help: 'Lines and outlines.' },
  { key: 'success', label: 'Success', help: 'Confirmations.' },
  { key: 'warning', label: 'Warning', help: 'Things to check.' },
  { key: 'danger', label: 'Danger', help: 'Errors and destructive actions.' },
];

/** Text colour on background colour: each pair is checked against WCAG AA (4.5:1). */
export const CONTRAST_PAIRS: readonly { fg: ColorKey; bg: ColorKey; label: string }[] = [
  { fg: 'text', bg: 'background', label: 'Text on background' },
  { fg: 'text', bg: 'surface', label: 'Text on surface' },
  { fg: 'muted', bg: 'surface', label: 'Muted text on surface' },
  { fg: 'primaryText', bg: 'primary', label: 'Text on primary' },
];

export const FONT_STACKS: readonly { id: string; label: string; stack: string }[] = [
  { id: 'system', label: 'System UI', stack: defaultTheme.fonts.body },
  { id: 'neo-grotesque', label: 'Neo-grotesque (Inter, Helvetica)', stack: 'Inter, Roboto, "Helvetica Neue", "Arial Nova", "Nimbus Sans", Arial, sans-serif' },
  { id: 'humanist', label: 'Humanist (Seravek, Gill Sans)', stack: 'Seravek, "Gill Sans Nova", Ubuntu, Calibri, "DejaVu Sans", source-sans-pro, sans-serif' },
  { id: 'geometric', label: 'Geometric (Avenir, Montserrat)', stack: 'Avenir, Montserrat, Corbel, "URW Gothic", source-sans-pro, sans-serif' },
  { id: 'rounded', label: 'Rounded', stack: 'ui-rounded, "Hiragino Maru Gothic ProN", Quicksand, Comfortaa, Manjari, "Arial Rounded MT", "Arial Rounded MT Bold", Calibri, source-sans-pro, sans-serif' },
  { id: 'transitional', label: 'Serif (Charter, Cambria)', stack: 'Charter, "Bitstream Charter", "Sitka Text", Cambria, serif' },
  { id: 'old-style', label: 'Old-style serif (Palatino)', stack: '"Iowan Old Style", "Palatino Linotype", "URW Palladio L", P052, serif' },
  { id: 'slab', label: 'Slab serif (Rockwell)', stack: 'Rockwell, "Rockwell Nova", "Roboto Slab", "DejaVu Serif", "Sitka Small", serif' },
  { id: 'mono', label: 'Monospace', stack: 'ui-monospace, "Cascadia Code", "Source Code Pro", Menlo, Consolas, "DejaVu Sans Mono", monospace' },
];

/** The offered stack a value is, or undefined for a custom one. */
export function fontStackIdOf(value: string): string | undefined {
  return FONT_STACKS.find((f) => f.stack === value)?.id;
}

/** Characters the theme's CSS output strips anyway; refusing them keeps what is stored honest. */
export function fontProblem(value: string): string | null {
  if (value.trim() === '') return 'Enter a font stack, like "Georgia, serif".';
  if (value.length > 200) return 'At most 200 characters.';
  if (/[;{}<>]/.test(value)) return 'Font stacks cannot contain ; { } < or >.';
  return null;
}

export const PALETTES: readonly { id: string; label: string; colors: Theme['colors']; mode: Theme['mode'] }[] = [
  { id: 'light', label: 'Light', colors: defaultTheme.colors, mode: 'light' },
  {
    id: 'dark',
    label: 'Dark',
    mode: 'dark',
    colors: {
      primary: '#7aa2ff',
      primaryText: '#0b1020',
      background: '#0f1217',
      surface: '#171b22',
      text: '#e7eaee',
      muted: '#9aa4b1',
      border: '#2a313c',
      success: '#4cc38a',
      warning: '#e3a93c',
      danger: '#f2777a',
    },
  },
];
