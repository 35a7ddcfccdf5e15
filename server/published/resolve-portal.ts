// Finds the portal a request is for: a custom domain (Host header), `/p/:slug`, or `/portal` (the
// default portal). Only live data: deactivating or archiving a portal applies at the next request.
import type { Db } from '../db/database';

export type ResolvedPortal = {
  id: string;
  slug: string;
  name: string;
  active: boolean;
  publishedVersionId: string | null;
  defaultLocale: string;
  /** The URL prefix of the portal: '' on a custom domain, '/p/acme', '/portal'. */
  basePath: string;
};

const COLUMNS = ['id', 'slug', 'name', 'active', 'archived_at', 'published_version_id', 'settings'] as const;

type Row = { id: string; slug: string; name: string; active: number; archived_at: string | null; published_version_id: string | null; settings: string };

function toResolved(row: Row | undefined, basePath: string): ResolvedPortal | null {
  if (!row || row.archived_at) return null;
  const settings = JSON.parse(row.settings) as { defaultLocale?: string };
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    active: row.active === 1,
    publishedVersionId: row.published_version_id,
    defaultLocale: settings.defaultLocale ?? 'en',
    basePath,
  };
}

export async function portalByDomain(db: Db, host: string): Promise<ResolvedPortal | null> {
  const hostname = host.toLowerCase().replace(/:\d+$/, '');
  const row = await db
    .selectFrom('portal_domains as d')
    .innerJoin('portals as p', 'p.id', 'd.portal_id')
    .select(COLUMNS.map((c) => `p.${c}` as const))
    .where('d.domain', '=', hostname)
    .executeTakeFirst();
  return toResolved(row, '');
}

export async function portalBySlug(db: Db, slug: string): Promise<ResolvedPortal | null> {
  const row = await db.selectFrom('portals').select(COLUMNS).where('slug', '=', slug).executeTakeFirst();
  return toResolved(row, `/p/${slug}`);
}

export async function defaultPortal(db: Db): Promise<ResolvedPortal | null> {
  const row = await db.selectFrom('portals').select(COLUMNS).where('is_default', '=', 1).executeTakeFirst();
  return toResolved(row, '/portal');
}
