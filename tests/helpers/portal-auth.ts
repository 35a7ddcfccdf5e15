// Helpers for portal sign-in tests: portals with a published document, roles and users written
// straight to the database (the roles and users services are tested on their own), a client for a
// portal's API, and the emails the outbox holds.
import { expect } from 'vitest';
import { CURRENT_SCHEMA_VERSION, defaultTheme, roleGrantsSchema, type BlockNode, type PagePayload, type PortalDocument, type RoleGrantsInput } from '../../core';
import { hashPassword } from '../../server/auth/password';
import { newRowId } from '../../server/auth/tokens';
import type { Db } from '../../server/db/database';
import type { PortalUserStatus } from '../../server/db/schema';
import { Client, type TrpcResult } from './server';

export const PASSWORD = 'portal-password-1';

export const heading = (id: string, text: string, extra: Partial<BlockNode> = {}): BlockNode => ({ id, type: 'heading', props: { text }, ...extra });

/** A one-page document, or the given pages, with navigation over every page without parameters. */
export function documentOf(pages: PortalDocument['pages']): PortalDocument {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    pages,
    navigation: pages.filter((p) => !p.path.includes(':')).map((p) => p.id),
    theme: defaultTheme,
    texts: {},
  };
}

export async function publishPortal(owner: Client, slug: string, name: string, doc: PortalDocument, settings: Record<string, unknown> = {}): Promise<string> {
  const created = await owner.mutate<{ id: string }>('portals.create', { slug, name });
  expect(created.status, created.error?.message).toBe(200);
  const id = created.data!.id;
  const draft = (await owner.query<{ revision: number }>('portals.getDraft', { id })).data!;
  const saved = await owner.mutate('portals.saveDraft', { id, baseRevision: draft.revision, document: doc });
  expect(saved.status, saved.error?.message).toBe(200);
  expect((await owner.mutate('portals.publish', { id, note: 'test' })).status).toBe(200);
  if (Object.keys(settings).length) await updateSettings(owner, id, settings);
  return id;
}

export async function updateSettings(owner: Client, id: string, settings: Record<string, unknown>): Promise<void> {
  const r = await owner.mutate('portals.update', { id, settings });
  expect(r.status, r.error?.message).toBe(200);
}

/** Removes a portal's roles (new portals get the starter roles), so a test decides every grant. */
export async function clearRoles(db: Db, portalId: string): Promise<void> {
  await db.deleteFrom('portal_roles').where('portal_id', '=', portalId).execute();
}

export async function insertRole(db: Db, portalId: string, role: { key: string; name?: string; grants?: RoleGrantsInput; isDefault?: boolean }): Promise<string> {
  const id = newRowId();
  const ts = new Date().toISOString();
  await db
    .insertInto('portal_roles')
    .values({
      id,
      portal_id: portalId,
      key: role.key,
      name: role.name ?? role.key,
      description: '',
      grants: JSON.stringify(roleGrantsSchema.parse(role.grants ?? {})),
      is_default: role.isDefault ? 1 : 0,
      revision: 1,
      created_at: ts,
      updated_at: ts,
    })
    .execute();
  return id;
}

/** Changes a role's grants as the roles service does: new grants, next revision. */
export async function setRoleGrants(db: Db, roleId: string, grants: RoleGrantsInput): Promise<void> {
  const row = await db.selectFrom('portal_roles').select('revision').where('id', '=', roleId).executeTakeFirstOrThrow();
  await db
    .updateTable('portal_roles')
    .set({ grants: JSON.stringify(roleGrantsSchema.parse(grants)), revision: row.revision + 1, updated_at: new Date().toISOString() })
    .where('id', '=', roleId)
    .execute();
}

let cachedHash: Promise<string> | undefined;

export async function insertUser(
  db: Db,
  portalId: string,
  user: { email: string; name?: string; status?: PortalUserStatus; password?: string | null; roleIds?: string[] },
): Promise<string> {
  const id = newRowId();
  const ts = new Date().toISOString();
  // Hashing costs ~50 ms: the common password is hashed once per test file.
  const hash = user.password === null ? null : user.password && user.password !== PASSWORD ? await hashPassword(user.password) : await (cachedHash ??= hashPassword(PASSWORD));
  await db
    .insertInto('portal_users')
    .values({
      id,
      portal_id: portalId,
      email: user.email.toLowerCase(),
      name: user.name ?? 'Test User',
      status: user.status ?? 'active',
      contact_id: null,
      password_hash: hash,
      email_confirmed_at: user.status === 'invited' ? null : ts,
      created_at: ts,
      updated_at: ts,
      last_login_at: null,
    })
    .execute();
  for (const roleId of user.roleIds ?? []) await db.insertInto('portal_user_roles').values({ user_id: id, role_id: roleId }).execute();
  return id;
}

/** A browser-like client for one portal: cookies kept, its API at `{base}/_api/trpc`. */
export class PortalClient extends Client {
  constructor(
    url: string,
    readonly portalBase: string,
    headers: Record<string, string> = {},
  ) {
    super(url, headers);
  }
  get api(): string {
    return `${this.portalBase}/_api/trpc`;
  }
  call<T = unknown>(proc: string, input?: unknown, headers: Record<string, string> = {}): Promise<TrpcResult<T>> {
    return this.mutate<T>(proc, input, headers, this.api);
  }
  ask<T = unknown>(proc: string, input?: unknown): Promise<TrpcResult<T>> {
    return this.query<T>(proc, input, this.api);
  }
  get session(): string | undefined {
    return this.cookies.get('portico_portal');
  }
  async page(path: string): Promise<{ status: number; html: string; res: Response }> {
    const res = await this.fetch(`${this.portalBase}${path}`);
    return { status: res.status, html: await res.text(), res };
  }
}

export async function signedIn(url: string, base: string, email: string, password = PASSWORD): Promise<PortalClient> {
  const c = new PortalClient(url, base);
  const r = await c.call('auth.login', { email, password });
  expect(r.status, `sign-in as ${email}: ${r.error?.message}`).toBe(200);
  return c;
}

export const payloadOf = (html: string): PagePayload => JSON.parse(/<script type="application\/json" id="portico-data">(.*?)<\/script>/s.exec(html)![1]!) as PagePayload;

export type SentEmail = { to: string; template: string; subject: string; text: string; link: string | undefined };

/** The emails the outbox holds for an address, oldest first. */
export async function emailsTo(db: Db, to: string): Promise<SentEmail[]> {
  const rows = await db.selectFrom('outbox').select(['payload', 'created_at']).where('kind', '=', 'email').orderBy('created_at').execute();
  return rows
    .map((r) => JSON.parse(r.payload) as { to: string; template: string; subject: string; text: string })
    .filter((p) => p.to === to.toLowerCase())
    .map((p) => ({ to: p.to, template: p.template, subject: p.subject, text: p.text, link: /https?:\/\/[^\s<>"]+/.exec(p.text)?.[0] }));
}

export async function lastEmail(db: Db, to: string, template: string): Promise<SentEmail> {
  const mails = (await emailsTo(db, to)).filter((m) => m.template === template);
  expect(mails.length, `no ${template} email to ${to}`).toBeGreaterThan(0);
  return mails.at(-1)!;
}

/** The token at the end of an emailed link (`/invite/<token>` or `?token=<token>`). */
export function tokenOf(link: string | undefined): string {
  const url = new URL(link!);
  return url.searchParams.get('token') ?? url.pathname.split('/').at(-1)!;
}
