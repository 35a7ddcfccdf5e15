// The HTML document around a server-rendered portal page: head (title, lang, viewport, favicon,
// theme variables, the runtime's CSS and JS) and the payload for hydration as inert JSON.
import { themeToCss, type PagePayload } from '../../core';

export type ClientAssets = { scripts: string[]; styles: string[]; preloads?: string[]; headHtml?: string };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** JSON that is safe inside a <script> element: nothing can close the element or start a comment. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Serialized block trees by array identity: filtered trees are memoized per page and viewer. */
const blocksJson = new WeakMap<object, string>();
/** Theme CSS, JSON and default favicons by theme object (one per published document). */
const themeCss = new WeakMap<object, string>();
const themesJson = new WeakMap<object, string>();
const favicons = new WeakMap<object, Map<string, string>>();

/** The payload as script-safe JSON; the (large, stable) block tree is serialized once. */
export function payloadJson(payload: PagePayload): string {
  const { page, theme, ...rest } = payload;
  const { blocks, ...pageRest } = page;
  let tree = blocksJson.get(blocks);
  if (tree === undefined) blocksJson.set(blocks, (tree = jsonForScript(blocks)));
  // The theme is one object per published document: serialized once, like the tree.
  let themeJson = themesJson.get(theme);
  if (themeJson === undefined) themesJson.set(theme, (themeJson = jsonForScript(theme)));
  // What changes per request (status, nav, user, the page's own fields) is serialized here, and the
  // cached parts are spliced in: {...rest, "theme": …, "page": {...pageRest, "blocks": …}}.
  const head = jsonForScript(rest);
  const pageHead = jsonForScript(pageRest);
  return `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"theme":${themeJson},"page":${pageHead.slice(0, -1)}${pageHead.length > 2 ? ',' : ''}"blocks":${tree}}}`;
}

function cssFor(theme: PagePayload['theme']): string {
  let css = themeCss.get(theme);
  if (css === undefined) themeCss.set(theme, (css = themeToCss(theme as Parameters<typeof themeToCss>[0])));
  return css;
}

/** A favicon in the portal's colour with its initial, when the theme has none. */
function defaultFavicon(payload: PagePayload): string {
  let byName = favicons.get(payload.theme);
  if (!byName) favicons.set(payload.theme, (byName = new Map()));
  let icon = byName.get(payload.portal.name);
  if (icon === undefined) byName.set(payload.portal.name, (icon = drawFavicon(payload)));
  return icon;
}

function drawFavicon(payload: PagePayload): string {
  const letter = escapeHtml((payload.portal.name.trim()[0] ?? 'P').toUpperCase());
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="${payload.theme.colors.primary}"/><text x="16" y="22" font-family="sans-serif" font-size="18" font-weight="700" text-anchor="middle" fill="${payload.theme.colors.primaryText}">${letter}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

export function renderDocument(payload: PagePayload, appHtml: string, assets: ClientAssets): string {
  const title = payload.page.title === payload.portal.name ? payload.portal.name : `${payload.page.title} · ${payload.portal.name}`;
  const favicon = payload.theme.favicon ?? defaultFavicon(payload);
  const scheme = payload.theme.mode === 'auto' ? 'light dark' : payload.theme.mode;
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(payload.portal.locale)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="color-scheme" content="${scheme}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<link rel="icon" href="${escapeHtml(favicon)}">`,
    `<style>${cssFor(payload.theme)}</style>`,
    ...assets.styles.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`),
    ...assets.scripts.map((src) => `<script type="module" src="${escapeHtml(src)}"></script>`),
    ...(assets.preloads ?? []).map((href) => `<link rel="modulepreload" href="${escapeHtml(href)}">`),
    assets.headHtml ?? '',
    '</head>',
    '<body>',
    `<div id="app">${appHtml}</div>`,
    `<script type="application/json" id="portico-data">${payloadJson(payload)}</script>`,
    '</body>',
    '</html>',
  ].join('');
}

/** A minimal page for requests that reach no portal at all (unknown or inactive portal). */
export function renderBarePage(status: number, heading: string, text: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(heading)}</title><style>body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f6f7f9;display:grid;place-items:center;min-height:100vh}main{max-width:32rem;padding:2rem;text-align:center}p.code{font-size:3rem;font-weight:800;margin:0;color:#2457d6}h1{margin:.5rem 0}p{color:#5d6672}</style></head><body><main><p class="code">${status}</p><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(text)}</p></main></body></html>`;
}
