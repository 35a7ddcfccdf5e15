// Finds the portal a request is for: a custom domain (Host header), `/p/:slug`, or `/portal` (the
// default portal). Only live data: deactivating or archiving a portal applies at the next request.
import type { Db } from '../db/database';
import { arg, prepareQuery } from '../db/prepared';
import type { DB } from '../db/schema';
import { portalSettingsSchema, type PortalSettings } from '../services/portals';

export type ResolvedPortal = {
  id: string;
  slug: string;
  name: string;
  active: boolean;
  publishedVersionId: string | null;
  defaultLocale: string;
  /** Live settings (sessions, registration, magic links): a change applies at the next request. */
  settings: PortalSettings;
  /** The URL prefix of the portal: '' on a custom domain, '/p/acme', '/portal'. */
  basePath: string;
};

const COLUMNS = ['id', 'slug', 'name', 'active', 'archived_at', 'published_version_id', 'settings'] as const;

type Row = { id: string; slug: string; name: string; active: number; archived_at: string | null; published_version_id: string | null; settings: string };

/** Settings are parsed once per distinct stored text: every request resolves its portal. */
const parsedSettings = new Map<string, PortalSettings>();
function settingsOf(text: string): PortalSettings {
  let hit = parsedSettings.get(text);
  if (!hit) {
    // Stored settings were validated on write; older rows get the defaults of newer settings.
    hit = portalSettingsSchema.parse(JSON.parse(text));
    if (parsedSettings.size >= 256) parsedSettings.clear();
    parsedSettings.set(text, hit);
  }
  return hit;
}

function toResolved(row: Row | undefined, basePath: string): ResolvedPortal | null {
  if (!row || row.archived_at) return null;
  const settings = settingsOf(row.settings);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    active: row.active === 1,
    publishedVersionId: row.published_version_id,
    defaultLocale: settings.defaultLocale,
    settings,
    basePath,
  };
}

// Every request resolves its portal, so these are compiled once (see db/prepared.ts).
const byDomain = prepareQuery<DB, Row, [string]>((db) =>
  db
    .selectFrom('portal_domains as d')
    .innerJoin('portals as p', 'p.id', 'd.portal_id')
    .select(COLUMNS.map((c) => `p.${c}` as const))
    .where('d.domain', '=', arg(0)),
);
const bySlug = prepareQuery<DB, Row, [string]>((db) => db.selectFrom('portals').select(COLUMNS).where('slug', '=', arg(0)));
const byDefault = prepareQuery<DB, Row, []>((db) => db.selectFrom('portals').select(COLUMNS).where('is_default', '=', 1));

export async function portalByDomain(db: Db, host: string): Promise<ResolvedPortal | null> {
  const hostname = host.toLowerCase().replace(/:\d+$/, '');
  return toResolved((await byDomain(db, hostname))[0], '');
}

export async function portalBySlug(db: Db, slug: string): Promise<ResolvedPortal | null> {
  return toResolved((await bySlug(db, slug))[0], `/p/${slug}`);
}

export async function defaultPortal(db: Db): Promise<ResolvedPortal | null> {
  return toResolved((await byDefault(db))[0], '/portal');
}
