// The theme as CSS custom properties: the one vocabulary block styles use (`var(--pt-primary)`).
import type { Theme } from './schema/document';

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** `{ '--pt-primary': '#2457d6', '--pt-radius': '8px', … }` for a theme. */
export function themeToCssVars(theme: Theme): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const [k, v] of Object.entries(theme.colors)) vars[`--pt-${kebab(k)}`] = v;
  vars['--pt-font-body'] = theme.fonts.body;
  vars['--pt-font-heading'] = theme.fonts.heading;
  vars['--pt-radius'] = `${theme.radius}px`;
  return vars;
}

/** A `:root`-style declaration block for the theme, for a `<style>` element. */
export function themeToCss(theme: Theme, selector = ':root'): string {
  const body = Object.entries(themeToCssVars(theme))
    .map(([k, v]) => `${k}:${v.replace(/[;{}<>]/g, '')}`)
    .join(';');
  return `${selector}{${body}}`;
}
