// Matches a request path to a page of the document: static segments win over parameters, so
// `/contracts/new` beats `/contracts/:id`.
import type { Page } from './schema/document';

export type PageMatch = { page: Page; params: Record<string, string> };

function segments(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** Returns the best match, or null. `path` is portal-relative (`/`, `/contracts/42`). */
export function matchPage(pages: readonly Page[], path: string): PageMatch | null {
  const want = segments(path);
  let best: { match: PageMatch; score: number } | null = null;
  for (const page of pages) {
    const pattern = segments(page.path);
    if (pattern.length !== want.length) continue;
    const params: Record<string, string> = {};
    let score = 0;
    let ok = true;
    for (let i = 0; i < pattern.length; i++) {
      const p = pattern[i]!;
      const w = want[i]!;
      if (p.startsWith(':')) {
        params[p.slice(1)] = w;
      } else if (p === w) {
        score += 1 << (pattern.length - i);
      } else {
        ok = false;
        break;
      }
    }
    if (ok && (!best || score > best.score)) best = { match: { page, params }, score };
  }
  return best?.match ?? null;
}

/** Decodes and normalizes a URL path for matching; null for malformed or unsafe paths. */
export function normalizePath(rawPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const trimmed = decoded.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed.replace(/\/{2,}/g, '/');
}

/** Picks a localized text for a locale, falling back to the first entry. */
export function pickText(text: Record<string, string> | string | undefined, locale: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text[locale.split('-')[0]!] ?? Object.values(text)[0] ?? '';
}
