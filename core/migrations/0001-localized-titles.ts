// 0 → 1: documents from before schema versioning. Page titles were plain strings, and `navigation`
// and `texts` could be absent. Titles become `{ en: title }` (those documents were English-only),
// navigation is derived from the pages marked `inNav` in page order, and texts start empty.
import type { Migration } from './types';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const localizedTitles: Migration = {
  from: 0,
  to: 1,
  description: 'page titles become localized texts; navigation and texts are filled in when missing',
  up: (doc) => {
    // Anything that is not the expected legacy shape is left as it is, for validation to report.
    const pages = Array.isArray(doc.pages)
      ? doc.pages.map((page: unknown) => (isRecord(page) && typeof page.title === 'string' ? { ...page, title: { en: page.title } } : page))
      : doc.pages;
    const out: Record<string, unknown> = { ...doc, pages };
    if (!('navigation' in doc)) {
      out.navigation = Array.isArray(pages)
        ? pages.filter((p): p is Record<string, unknown> => isRecord(p) && p.inNav === true && typeof p.id === 'string').map((p) => p.id)
        : [];
    }
    if (!('texts' in doc)) out.texts = {};
    return out;
  },
};
