// Pure rules behind the page settings, the pages panel and the visibility panel: path and title
// validation, navigation order, role keys, and a compact summary of the pages for narrow selectors.
import { pagePathSchema, pickText, reservedPagePath, roleKeySchema, type Page, type PortalDocument, type Visibility } from '../../core';

export const MAX_TITLE = 120;
export const MAX_ROLES = 50;

/** The locale page titles are written in: the home page's first, else English. */
export function primaryLocale(doc: Pick<PortalDocument, 'pages'>): string {
  const home = doc.pages.find((p) => p.path === '/') ?? doc.pages[0];
  return (home && Object.keys(home.title)[0]) ?? 'en';
}

/** A path with `:params` shows one record (/contracts/:id): it is reached from a list, not a menu. */
export function hasParams(path: string): boolean {
  return path.includes('/:');
}

/** Two paths clash when they match the same addresses: /contracts/:id and /contracts/:key do. */
function shapeOf(path: string): string {
  return path.replace(/:[^/]+/g, ':');
}

type PathOwner = Pick<Page, 'id' | 'path'> & { title: Page['title'] | string };

export function validatePagePath(path: string, pages: readonly PathOwner[], selfId: string | null, locale = 'en'): string | null {
  const parsed = pagePathSchema.safeParse(path);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'not a valid path';
  const reserved = reservedPagePath(path);
  if (reserved) return reserved;
  const clash = pages.find((p) => p.id !== selfId && shapeOf(p.path) === shapeOf(path));
  if (clash) return `this path is taken by the page "${pickText(clash.title, locale)}"`;
  return null;
}

export function validatePageTitle(title: string): string | null {
  if (title.trim() === '') return 'a page needs a title';
  if (title.length > MAX_TITLE) return `use at most ${MAX_TITLE} characters`;
  return null;
}

/** A path made from a title, unique among the pages: "Meter readings" → "/meter-readings". */
export function suggestPath(title: string, pages: readonly Pick<Page, 'path'>[]): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const base = `/${slug || 'page'}`;
  const taken = new Set(pages.map((p) => p.path));
  if (!taken.has(base) && !reservedPagePath(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Sets the text of one locale in a localized title, keeping the others. */
export function withTitle(title: Page['title'], locale: string, text: string): Page['title'] {
  return { ...title, [locale]: text };
}

// ---- visibility ----

export type Audience = 'public' | 'signed-in';

export function validateRoleKey(key: string, existing: readonly string[]): string | null {
  const parsed = roleKeySchema.safeParse(key);
  if (!parsed.success) return key === '' ? 'enter a role key' : 'role keys are lower-case letters, digits, "-" and "_", like "customer"';
  if (existing.includes(key)) return `"${key}" is in the list already`;
  if (existing.length >= MAX_ROLES) return `use at most ${MAX_ROLES} roles`;
  return null;
}

/** The stored form: nothing at all for "everyone", so unrestricted blocks carry no rule. */
export function visibilityOf(audience: Audience, roles: readonly string[]): Visibility | undefined {
  if (audience === 'public' && roles.length === 0) return undefined;
  const out: Visibility = {};
  if (audience === 'signed-in') out.audience = 'signed-in';
  if (roles.length > 0) out.roles = [...roles];
  return out;
}

/** One line for people: who will see this. */
export function describeVisibility(v: Visibility | undefined, subject: 'block' | 'page' = 'block'): string {
  const roles = v?.roles ?? [];
  if (roles.length > 0) return `Signed-in users with the role ${roles.map((r) => `"${r}"`).join(' or ')}`;
  if (v?.audience === 'signed-in') return 'Signed-in users only';
  return subject === 'page' ? 'Everyone, signed in or not' : 'Everyone who can open the page';
}

// ---- navigation ----

/** Moves a page in the navigation by `delta`; the same list when it cannot move. */
export function moveInNavigation(navigation: readonly string[], pageId: string, delta: number): string[] {
  const i = navigation.indexOf(pageId);
  const to = i + delta;
  if (i < 0 || to < 0 || to >= navigation.length) return navigation as string[];
  const out = navigation.toSpliced(i, 1);
  out.splice(to, 0, pageId);
  return out;
}

// ---- a compact summary of the pages, for selectors ----

export type PageSummary = { id: string; path: string; title: string; icon: string; inNav: boolean; restricted: boolean };
export type PagesSummary = { locale: string; pages: PageSummary[]; navigation: string[] };

/**
 * The pages as one string: a selector may return it (a primitive), so panels that list pages
 * re-render when a title or path changes, not on every keystroke in a block.
 */
export function summarizePages(doc: PortalDocument | null): string {
  if (!doc) return '';
  const locale = primaryLocale(doc);
  const pages: PageSummary[] = doc.pages.map((p) => ({
    id: p.id,
    path: p.path,
    title: pickText(p.title, locale),
    icon: p.icon ?? '',
    inNav: p.inNav,
    restricted: !!p.visibility && (p.visibility.audience === 'signed-in' || (p.visibility.roles?.length ?? 0) > 0),
  }));
  return JSON.stringify({ locale, pages, navigation: doc.navigation } satisfies PagesSummary);
}

export function parsePagesSummary(text: string): PagesSummary {
  return text ? (JSON.parse(text) as PagesSummary) : { locale: 'en', pages: [], navigation: [] };
}
