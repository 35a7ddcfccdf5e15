// Portals and their documents: the draft with optimistic concurrency, immutable published versions,
// publish and rollback. Every write is one immediate transaction with its audit entry.
import { TRPCError } from '@trpc/server';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { domainSchema, slugSchema, type PortalDocument } from '../../core';

export { domainSchema, slugSchema };
import { blankDocument } from '../../templates/starters/blank';
import { writeTx, type Db } from '../db/database';
import { isSqlite } from '../db/dialect';
import type { DB, PortalRow } from '../db/schema';
import { newRowId } from '../auth/tokens';
import { audit } from './audit';
import { readStoredDocument } from './documents';
import { insertStarterRoles } from './portal-roles';

/** Each setting without its default: what a partial update may name. */
const settingsFields = {
  defaultLocale: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a locale looks like "en" or "de-CH"'),
  /** Portal sessions end this long after sign-in, however active (1 hour to 90 days). */
  sessionLifetimeHours: z.number().int().min(1, 'at least 1 hour').max(2160, 'at most 2160 hours (90 days)'),
  /** … and after this long without a request (5 minutes to 30 days). */
  idleTimeoutMinutes: z.number().int().min(5, 'at least 5 minutes').max(43_200, 'at most 43200 minutes (30 days)'),
  /** Visitors may create their own account (confirmed by email); otherwise accounts come by invitation. */
  allowRegistration: z.boolean(),
  /** Users may sign in with a one-time link sent by email instead of their password. */
  magicLink: z.boolean(),
};

export const portalSettingsSchema = z
  .object({
    defaultLocale: settingsFields.defaultLocale.default('en'),
    sessionLifetimeHours: settingsFields.sessionLifetimeHours.default(168),
    idleTimeoutMinutes: settingsFields.idleTimeoutMinutes.default(120),
    allowRegistration: settingsFields.allowRegistration.default(false),
    magicLink: settingsFields.magicLink.default(false),
  })
  .strict();
export type PortalSettings = z.infer<typeof portalSettingsSchema>;

/**
 * A partial update of the settings. Not `portalSettingsSchema.partial()`: zod 4 applies the
 * defaults of absent keys there, so saving one setting would silently reset all the others.
 */
export const portalSettingsPatchSchema = z.object(settingsFields).partial().strict();

export type Actor = { id: string };

export type PortalSummary = {
  id: string;
  slug: string;
  name: string;
  active: boolean;
  isDefault: boolean;
  archived: boolean;
  domains: string[];
  settings: PortalSettings;
  publishedVersion: number | null;
  draftRevision: number;
  hasUnpublishedChanges: boolean;
  createdAt: string;
  updatedAt: string;
};

const now = () => new Date().toISOString();
const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'No such portal.' });

async function summarize(db: Kysely<DB>, rows: PortalRow[]): Promise<PortalSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [domains, drafts, versions] = await Promise.all([
    db.selectFrom('portal_domains').select(['portal_id', 'domain']).where('portal_id', 'in', ids).orderBy('domain').execute(),
    db.selectFrom('portal_drafts').select(['portal_id', 'revision']).where('portal_id', 'in', ids).execute(),
    db
      .selectFrom('portal_versions')
      .select(['id', 'number', 'draft_revision'])
      .where('id', 'in', rows.map((r) => r.published_version_id).filter((v): v is string => v !== null).concat(['']))
      .execute(),
  ]);
  return rows.map((r) => {
    const draftRevision = drafts.find((d) => d.portal_id === r.id)?.revision ?? 0;
    const published = versions.find((v) => v.id === r.published_version_id);
    return {
      id: r.id,
      slug: r.slug,
      name: r.name,
      active: r.active === 1,
      isDefault: r.is_default === 1,
      archived: r.archived_at !== null,
      domains: domains.filter((d) => d.portal_id === r.id).map((d) => d.domain),
      settings: portalSettingsSchema.parse(JSON.parse(r.settings)),
      publishedVersion: published?.number ?? null,
      draftRevision,
      hasUnpublishedChanges: !published || published.draft_revision !== draftRevision,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

/** Loads a portal; inside a write transaction on Postgres, also locks its row (SQLite's BEGIN IMMEDIATE already serializes writers). */
async function requirePortal(db: Kysely<DB>, id: string, lock = false): Promise<PortalRow> {
  let q = db.selectFrom('portals').selectAll().where('id', '=', id);
  if (lock && !isSqlite(db)) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function listPortals(db: Db, opts: { includeArchived: boolean }): Promise<PortalSummary[]> {
  let q = db.selectFrom('portals').selectAll().orderBy('name');
  if (!opts.includeArchived) q = q.where('archived_at', 'is', null);
  return summarize(db, await q.execute());
}

export async function getPortal(db: Kysely<DB>, id: string): Promise<PortalSummary> {
  const [summary] = await summarize(db, [await requirePortal(db, id)]);
  return summary!;
}

async function assertDomainsFree(trx: Kysely<DB>, domains: string[], portalId: string): Promise<void> {
  if (domains.length === 0) return;
  const taken = await trx.selectFrom('portal_domains').select(['domain']).where('domain', 'in', domains).where('portal_id', '!=', portalId).execute();
  if (taken.length) throw new TRPCError({ code: 'CONFLICT', message: `Domain already used by another portal: ${taken.map((t) => t.domain).join(', ')}` });
}

async function assertSlugFree(trx: Kysely<DB>, slug: string, portalId: string): Promise<void> {
  const taken = await trx.selectFrom('portals').select('id').where('slug', '=', slug).where('id', '!=', portalId).executeTakeFirst();
  if (taken) throw new TRPCError({ code: 'CONFLICT', message: `The slug "${slug}" is already used by another portal.` });
}

export async function createPortal(
  db: Db,
  actor: Actor,
  input: { slug: string; name: string; document?: PortalDocument; makeDefault?: boolean },
): Promise<PortalSummary> {
  const id = newRowId();
  const document = input.document ?? blankDocument(input.name);
  await writeTx(db, async (trx) => {
    await assertSlugFree(trx, input.slug, id);
    const hasDefault = await trx.selectFrom('portals').select('id').where('is_default', '=', 1).executeTakeFirst();
    const ts = now();
    await trx
      .insertInto('portals')
      .values({
        id,
        slug: input.slug,
        name: input.name,
        active: 1,
        is_default: input.makeDefault || !hasDefault ? 1 : 0,
        archived_at: null,
        published_version_id: null,
        settings: JSON.stringify(portalSettingsSchema.parse({})),
        created_at: ts,
        updated_at: ts,
      })
      .execute();
    if (input.makeDefault && hasDefault) await trx.updateTable('portals').set({ is_default: 0 }).where('id', '=', hasDefault.id).execute();
    await trx
      .insertInto('portal_drafts')
      .values({ portal_id: id, document: JSON.stringify(document), revision: 1, updated_at: ts, updated_by: actor.id })
      .execute();
    await insertStarterRoles(trx, id);
    await audit(trx, { actor_type: 'admin', actor_id: actor.id, portal_id: id, action: 'portal.create', target: input.slug });
  });
  return getPortal(db, id);
}

export async function updatePortal(
  db: Db,
  actor: Actor,
  input: { id: string; name?: string; slug?: string; domains?: string[]; settings?: Partial<PortalSettings> },
): Promise<PortalSummary> {
  await writeTx(db, async (trx) => {
    const row = await requirePortal(trx, input.id);
    if (input.slug !== undefined) await assertSlugFree(trx, input.slug, row.id);
    const settings = input.settings
      ? JSON.stringify(portalSettingsSchema.parse({ ...JSON.parse(row.settings), ...input.settings }))
      : row.settings;
    await trx
      .updateTable('portals')
      .set({ name: input.name ?? row.name, slug: input.slug ?? row.slug, settings, updated_at: now() })
      .where('id', '=', row.id)
      .execute();
    if (input.domains) {
      const domains = [...new Set(input.domains)];
      await assertDomainsFree(trx, domains, row.id);
      await trx.deleteFrom('portal_domains').where('portal_id', '=', row.id).execute();
      const ts = now();
      if (domains.length) await trx.insertInto('portal_domains').values(domains.map((domain) => ({ domain, portal_id: row.id, created_at: ts }))).execute();
    }
    const changed = Object.keys(input).filter((k) => k !== 'id');
    await audit(trx, { actor_type: 'admin', actor_id: actor.id, portal_id: row.id, action: 'portal.update', target: row.slug, details: { changed } });
  });
  return getPortal(db, input.id);
}

export async function archivePortal(db: Db, actor: Actor, id: string): Promise<PortalSummary> {
  await writeTx(db, async (trx) => {
    const row = await requirePortal(trx, id);
    if (row.archived_at) return;
    if (row.is_default) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'This is the default portal: make another portal the default before archiving it.' });
    await trx.updateTable('portals').set({ archived_at: now(), active: 0, updated_at: now() }).where('id', '=', id).execute();
    await trx.deleteFrom('portal_domains').where('portal_id', '=', id).execute();
    await audit(trx, { actor_type: 'admin', actor_id: actor.id, portal_id: id, action: 'portal.archive', target: row.slug });
  });
  return getPortal(db, id);
}

export async function setDefaultPortal(db: Db, actor: Actor, id: string): Promise<PortalSummary> {
  await writeTx(db, async (trx) => {
    const row = await requirePortal(trx, id);
    if (row.archived_at) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'An archived portal cannot be the default.' });
    await trx.updateTable('portals').set({ is_default: 0 }).where('is_default', '=', 1).execute();
    await trx.updateTable('portals').set({ is_default: 1, updated_at: now() }).where('id', '=', id).execute();
    await audit(trx, { actor_type: 'admin', actor_id: actor.id, portal_id: id, action: 'portal.setDefault', target: row.slug });
  });
  return getPortal(db, id);
}

export async function setPortalActive(db: Db, actor: Actor, id: string, active: boolean): Promise<PortalSummary> {
  await writeTx(db, async (trx) => {
    const row = await requirePortal(trx, id);
    if (row.archived_at && active) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'An archived portal cannot be activated.' });
    await trx.updateTable('portals').set({ active: active ? 1 : 0, updated_at: now() }).where('id', '=', id).execute();
    await audit(trx, { actor_type: 'admin', actor_id: actor.id, portal_id: id, action: active ? 'portal.activate' : 'portal.deactivate', target: row.slug });
  });
  return getPortal(db, id);
}

export async function getDraft(db: Db, portalId: string): Promise<{ document: PortalDocument; revision: number; updatedAt: string }> {
  const row = await db.selectFrom('portal_drafts').selectAll().where('portal_id', '=', portalId).executeTakeFirst();
  if (!row) throw notFound();
  return { document: readStoredDocument(row.document), revision: row.revision, updatedAt: row.updated_at };
}

/** Saves the draft if the client saw the latest revision; otherwise CONFLICT, never a silent overwrite. */
export async function saveDraft(
  db: Db,
  actor: Actor,
  input: { id: string; baseRevision: number; document: PortalDocument },
): Promise<{ revision: number; updatedAt: string }> {
  const json = JSON.stringify(input.document);
  return writeTx(db, async (trx) => {
    const row = await trx.selectFrom('portal_drafts').select(['revision']).where('portal_id', '=', input.id).executeTakeFirst();
    if (!row) throw notFound();
    if (row.revision !== input.baseRevision) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: `The draft has changed since revision ${input.baseRevision} (it is now at revision ${row.revision}). Reload it, or review and overwrite.`,
      });
    }
    const revision = row.revision + 1;
    const updatedAt = now();
    // The revision guard in the WHERE makes this safe without BEGIN IMMEDIATE too (Postgres, READ COMMITTED).
    const updated = await trx
      .updateTable('portal_drafts')
      .set({ document: json, revision, updated_at: updatedAt, updated_by: actor.id })
      .where('portal_id', '=', input.id)
      .where('revision', '=', row.revision)
      .executeTakeFirst();
    if (updated.numUpdatedRows !== 1n) throw new TRPCError({ code: 'CONFLICT', message: 'The draft was saved by someone else at the same moment. Reload it, or review and overwrite.' });
    return { revision, updatedAt };
  });
}

export type VersionSummary = { id: string; number: number; note: string; createdAt: string; createdBy: string | null; createdByEmail: string | null; live: boolean };

export async function publish(db: Db, actor: Actor, input: { id: string; note: string }): Promise<VersionSummary> {
  const id = newRowId();
  await writeTx(db, async (trx) => {
    const portal = await requirePortal(trx, input.id, true);
    const draft = await trx.selectFrom('portal_drafts').selectAll().where('portal_id', '=', portal.id).executeTakeFirstOrThrow();
    // Re-validate: a stored draft from an older schema is upgraded before it becomes immutable.
    const document = readStoredDocument(draft.document);
    const last = await trx.selectFrom('portal_versions').select((eb) => eb.fn.max('number').as('n')).where('portal_id', '=', portal.id).executeTakeFirst();
    const number = Number(last?.n ?? 0) + 1;
    await trx
      .insertInto('portal_versions')
      .values({ id, portal_id: portal.id, number, document: JSON.stringify(document), note: input.note, draft_revision: draft.revision, created_at: now(), created_by: actor.id })
      .execute();
    await trx.updateTable('portals').set({ published_version_id: id, updated_at: now() }).where('id', '=', portal.id).execute();
    await audit(trx, { actor_type: 'admin', actor_id: actor.id, portal_id: portal.id, action: 'portal.publish', target: `v${number}`, details: { note: input.note } });
  });
  return (await listVersions(db, input.id)).find((v) => v.id === id)!;
}

export async function listVersions(db: Kysely<DB>, portalId: string): Promise<VersionSummary[]> {
  const portal = await requirePortal(db, portalId);
  const rows = await db
    .selectFrom('portal_versions as v')
    .leftJoin('admins as a', 'a.id', 'v.created_by')
    .select(['v.id', 'v.number', 'v.note', 'v.created_at', 'v.created_by', 'a.email'])
    .where('v.portal_id', '=', portalId)
    .orderBy('v.number', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    note: r.note,
    createdAt: r.created_at,
    createdBy: r.created_by,
    createdByEmail: r.email,
    live: r.id === portal.published_version_id,
  }));
}

export async function getVersion(db: Db, portalId: string, number: number): Promise<VersionSummary & { document: PortalDocument }> {
  const row = await db.selectFrom('portal_versions').select(['id', 'document']).where('portal_id', '=', portalId).where('number', '=', number).executeTakeFirst();
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: `No version ${number} of this portal.` });
  const summary = (await listVersions(db, portalId)).find((v) => v.id === row.id)!;
  return { ...summary, document: readStoredDocument(row.document) };
}

/** Publishes an earlier version again; versions themselves never change. */
export async function rollback(db: Db, actor: Actor, input: { id: string; version: number }): Promise<VersionSummary> {
  await writeTx(db, async (trx) => {
    const portal = await requirePortal(trx, input.id);
    const v = await trx.selectFrom('portal_versions').select(['id']).where('portal_id', '=', portal.id).where('number', '=', input.version).executeTakeFirst();
    if (!v) throw new TRPCError({ code: 'NOT_FOUND', message: `No version ${input.version} of this portal.` });
    await trx.updateTable('portals').set({ published_version_id: v.id, updated_at: now() }).where('id', '=', portal.id).execute();
    await audit(trx, { actor_type: 'admin', actor_id: actor.id, portal_id: portal.id, action: 'portal.rollback', target: `v${input.version}` });
  });
  return (await listVersions(db, input.id)).find((v) => v.number === input.version)!;
}
