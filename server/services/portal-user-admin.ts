// The admin side of portal users: list (search, status and role filters, keyset paging), create
// (linked to a contact or not), invite and re-invite, disable and enable, roles, the linked contact,
// and inviting many from a CSV file, all or nothing. Signing in, sessions and the invitation's token
// and email are portal-users.ts's; this file calls createInvitation and revokeUserSessions inside
// its own transactions. Every query names the portal: a user, role or id of another portal reads as
// not found. Every change writes its audit entry in the same transaction.
import { TRPCError } from '@trpc/server';
import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { CONTACT } from '../../core';
import { newRowId } from '../auth/tokens';
import { writeTx, type Db } from '../db/database';
import type { DB, PortalUserStatus } from '../db/schema';
import { audit } from './audit';
import { FieldIssuesError, type LocatedIssue } from './field-issues';
import { requirePortalRow } from './portal-roles';
import { createInvitation, revokeUserSessions } from './portal-users';
import { unescapeFormula } from './record-import';

export type PortalUserSummary = {
  id: string;
  email: string;
  name: string;
  status: PortalUserStatus;
  contact: { id: string; title: string } | null;
  /** The user's own roles; the portal's default roles reach every user on top of these. */
  roles: { id: string; key: string; name: string }[];
  /** The newest invitation: when it was sent, until when its link works, and whether it is still open. */
  invitation: { sentAt: string; expiresAt: string; pending: boolean } | null;
  /** Sessions that have not expired: the devices the user is signed in on. */
  activeSessions: number;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
};

export type UserPage = { items: PortalUserSummary[]; nextCursor: string | null };
export type AdminActor = { id: string };

export const MAX_PAGE_SIZE = 100;
export const MAX_CSV_ROWS = 5_000;
export const MAX_CSV_BYTES = 1024 * 1024;
const MAX_LISTED_ISSUES = 200;

const now = () => new Date().toISOString();
const userNotFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'No such user in this portal.' });
const badRequest = (message: string) => new TRPCError({ code: 'BAD_REQUEST', message });
const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** Addresses are compared and stored lower-cased: one account per address and portal. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

// ---------------------------------------------------------------------------------------------
// Where invitation links point.

/**
 * A portal's absolute base URL, for the links in its emails: its first custom domain when it has
 * one and PUBLIC_URL says which scheme to use (white-label portals send their customers to their
 * own address), otherwise `/p/<slug>` on Portico's own address: PUBLIC_URL, or without it the
 * address the admin is using (set PUBLIC_URL in production).
 */
export async function portalBaseUrl(db: Kysely<DB>, portalId: string, origin: { publicUrl: URL | undefined; requestOrigin: string }): Promise<string> {
  const portal = await requirePortalRow(db, portalId);
  const domain = await db.selectFrom('portal_domains').select('domain').where('portal_id', '=', portalId).orderBy('domain').executeTakeFirst();
  if (domain && origin.publicUrl) return `${origin.publicUrl.protocol}//${domain.domain}`;
  return `${origin.publicUrl?.origin ?? origin.requestOrigin.replace(/\/+$/, '')}/p/${portal.slug}`;
}

// ---------------------------------------------------------------------------------------------
// Reading.

type UserRow = {
  id: string;
  email: string;
  name: string;
  status: PortalUserStatus;
  contact_id: string | null;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
};

const USER_COLUMNS = ['u.id', 'u.email', 'u.name', 'u.status', 'u.contact_id', 'u.created_at', 'u.updated_at', 'u.last_login_at'] as const;

/** Roles, contact titles, invitations and live sessions of a page of users, in four queries. */
async function summarize(db: Kysely<DB>, rows: UserRow[]): Promise<PortalUserSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const contactIds = [...new Set(rows.map((r) => r.contact_id).filter((c): c is string => c !== null))];
  const at = now();
  const [roles, contacts, invites, sessions] = await Promise.all([
    db
      .selectFrom('portal_user_roles as ur')
      .innerJoin('portal_roles as r', 'r.id', 'ur.role_id')
      .select(['ur.user_id', 'r.id', 'r.key', 'r.name'])
      .where('ur.user_id', 'in', ids)
      .orderBy('r.created_at')
      .orderBy('r.id')
      .execute(),
    contactIds.length ? db.selectFrom('records').select(['id', 'title']).where('id', 'in', contactIds).execute() : Promise.resolve([]),
    db
      .selectFrom('portal_tokens')
      .select(['user_id', 'created_at', 'expires_at', 'used_at'])
      .where('user_id', 'in', ids)
      .where('purpose', '=', 'invite')
      .orderBy('created_at', 'desc')
      .execute(),
    db
      .selectFrom('portal_sessions')
      .select(['user_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('user_id', 'in', ids)
      .where('expires_at', '>', at)
      .groupBy('user_id')
      .execute(),
  ]);
  return rows.map((r) => {
    const contact = r.contact_id ? contacts.find((c) => c.id === r.contact_id) : undefined;
    const invite = invites.find((t) => t.user_id === r.id);
    return {
      id: r.id,
      email: r.email,
      name: r.name,
      status: r.status,
      contact: r.contact_id ? { id: r.contact_id, title: contact?.title ?? '' } : null,
      roles: roles.filter((x) => x.user_id === r.id).map((x) => ({ id: x.id, key: x.key, name: x.name })),
      invitation: invite ? { sentAt: invite.created_at, expiresAt: invite.expires_at, pending: invite.used_at === null && invite.expires_at > at } : null,
      activeSessions: Number(sessions.find((s) => s.user_id === r.id)?.n ?? 0),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      lastLoginAt: r.last_login_at,
    };
  });
}

const cursorSchema = z.object({ e: z.string() }).strict();
const encodeCursor = (email: string) => Buffer.from(JSON.stringify({ e: email })).toString('base64url');
function decodeCursor(cursor: string): string {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))).e;
  } catch {
    throw badRequest('The cursor is not valid: use the nextCursor of the previous page.');
  }
}

/** `%`, `_` and `\` match themselves in a search, not as LIKE wildcards. */
const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export type UserQuery = { portalId: string; search?: string | undefined; status?: PortalUserStatus | undefined; roleId?: string | undefined; limit: number; cursor?: string | undefined };

/** A page of a portal's users by email, with a keyset cursor (page 40 costs what page 1 costs). */
export async function listUsers(db: Kysely<DB>, input: UserQuery): Promise<UserPage> {
  await requirePortalRow(db, input.portalId);
  let q = db.selectFrom('portal_users as u').select(USER_COLUMNS).where('u.portal_id', '=', input.portalId);
  const search = input.search?.trim();
  if (search) {
    const p = likePattern(search);
    q = q.where((eb) => eb.or([sql<boolean>`lower(${eb.ref('u.email')}) like ${p} escape '\\'`, sql<boolean>`lower(${eb.ref('u.name')}) like ${p} escape '\\'`]));
  }
  if (input.status) q = q.where('u.status', '=', input.status);
  if (input.roleId) {
    const roleId = input.roleId;
    q = q.where('u.id', 'in', (eb) =>
      eb
        .selectFrom('portal_user_roles as ur')
        .innerJoin('portal_roles as r', 'r.id', 'ur.role_id')
        .select('ur.user_id')
        .where('ur.role_id', '=', roleId)
        .where('r.portal_id', '=', input.portalId),
    );
  }
  if (input.cursor) q = q.where('u.email', '>', decodeCursor(input.cursor));
  const rows = await q.orderBy('u.email').limit(input.limit + 1).execute();
  const more = rows.length > input.limit;
  const page = more ? rows.slice(0, input.limit) : rows;
  return { items: await summarize(db, page), nextCursor: more ? encodeCursor(page[page.length - 1]!.email) : null };
}

async function findUserRow(db: Kysely<DB>, portalId: string, userId: string): Promise<UserRow & { password_hash: string | null }> {
  const row = await db
    .selectFrom('portal_users as u')
    .select([...USER_COLUMNS, 'u.password_hash'])
    .where('u.portal_id', '=', portalId)
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!row) throw userNotFound();
  return row;
}

export async function getUser(db: Kysely<DB>, portalId: string, userId: string): Promise<PortalUserSummary> {
  const row = await findUserRow(db, portalId, userId);
  return (await summarize(db, [row]))[0]!;
}

// ---------------------------------------------------------------------------------------------
// Checks shared by single changes and the CSV import.

/** The roles, all of this portal, or NOT_FOUND naming the ones that are not. */
async function requireRoles(trx: Kysely<DB>, portalId: string, roleIds: readonly string[]): Promise<{ id: string; key: string }[]> {
  const unique = [...new Set(roleIds)];
  if (unique.length === 0) return [];
  const rows = await trx.selectFrom('portal_roles').select(['id', 'key']).where('portal_id', '=', portalId).where('id', 'in', unique).execute();
  const missing = unique.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length) throw new TRPCError({ code: 'NOT_FOUND', message: `No such role in this portal: ${missing.join(', ')}.` });
  return rows;
}

/** A contact record that no other user of this portal is linked to. */
async function requireFreeContact(trx: Kysely<DB>, portalId: string, contactId: string, exceptUserId: string | null): Promise<{ id: string; title: string }> {
  const contact = await trx.selectFrom('records').select(['id', 'title']).where('id', '=', contactId).where('type', '=', CONTACT).executeTakeFirst();
  if (!contact) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such contact.' });
  let q = trx.selectFrom('portal_users').select(['id', 'email']).where('portal_id', '=', portalId).where('contact_id', '=', contactId);
  if (exceptUserId) q = q.where('id', '!=', exceptUserId);
  const other = await q.executeTakeFirst();
  if (other) throw new TRPCError({ code: 'CONFLICT', message: `The contact "${contact.title}" is already linked to the user ${other.email} in this portal.` });
  return contact;
}

async function assertEmailFree(trx: Kysely<DB>, portalId: string, email: string): Promise<void> {
  const taken = await trx.selectFrom('portal_users').select('id').where('portal_id', '=', portalId).where('email', '=', email).executeTakeFirst();
  if (taken) throw new TRPCError({ code: 'CONFLICT', message: `A user with the email ${email} exists in this portal already.` });
}

// ---------------------------------------------------------------------------------------------
// Changes.

export type NewUser = {
  portalId: string;
  email: string;
  name: string;
  contactId?: string | null | undefined;
  roleIds?: string[] | undefined;
  /** Send the invitation now (status `invited` either way: the user has no password yet). */
  invite: boolean;
  baseUrl: string;
};

export async function createUser(db: Db, actor: AdminActor, input: NewUser): Promise<PortalUserSummary> {
  const id = newRowId();
  const email = normalizeEmail(input.email);
  await writeTx(db, async (trx) => {
    await requirePortalRow(trx, input.portalId);
    await assertEmailFree(trx, input.portalId, email);
    if (input.contactId) await requireFreeContact(trx, input.portalId, input.contactId, null);
    const roles = await requireRoles(trx, input.portalId, input.roleIds ?? []);
    const at = now();
    await trx
      .insertInto('portal_users')
      .values({
        id,
        portal_id: input.portalId,
        email,
        name: input.name.trim(),
        status: 'invited',
        contact_id: input.contactId ?? null,
        password_hash: null,
        email_confirmed_at: null,
        created_at: at,
        updated_at: at,
        last_login_at: null,
      })
      .execute();
    if (roles.length) await trx.insertInto('portal_user_roles').values(roles.map((r) => ({ user_id: id, role_id: r.id }))).execute();
    if (input.invite) await createInvitation(trx, { portalId: input.portalId, userId: id, baseUrl: input.baseUrl });
    await audit(trx, {
      actor_type: 'admin',
      actor_id: actor.id,
      portal_id: input.portalId,
      action: 'portal-user.create',
      target: email,
      details: { userId: id, contactId: input.contactId ?? null, roles: roles.map((r) => r.key), invited: input.invite },
    });
  });
  return getUser(db, input.portalId, id);
}

/**
 * Invites a user who has not signed in with a password yet, or lets a disabled user back in by
 * invitation: status `invited`, a new invitation link (earlier links stop working) and its email.
 * An active user already has access and is refused.
 */
export async function inviteUser(db: Db, actor: AdminActor, input: { portalId: string; userId: string; baseUrl: string }): Promise<PortalUserSummary> {
  await writeTx(db, async (trx) => {
    const user = await findUserRow(trx, input.portalId, input.userId);
    if (user.status === 'active') throw new TRPCError({ code: 'PRECONDITION_FAILED', message: `${user.email} is active already and signs in with their own password.` });
    if (user.status !== 'invited') await trx.updateTable('portal_users').set({ status: 'invited', updated_at: now() }).where('id', '=', user.id).where('portal_id', '=', input.portalId).execute();
    await createInvitation(trx, { portalId: input.portalId, userId: user.id, baseUrl: input.baseUrl });
    await audit(trx, { actor_type: 'admin', actor_id: actor.id, portal_id: input.portalId, action: 'portal-user.invite', target: user.email, details: { userId: user.id, previousStatus: user.status } });
  });
  return getUser(db, input.portalId, input.userId);
}

/** Sends an invited user a new invitation; the link in the earlier email stops working. */
export async function resendInvitation(db: Db, actor: AdminActor, input: { portalId: string; userId: string; baseUrl: string }): Promise<PortalUserSummary> {
  await writeTx(db, async (trx) => {
    const user = await findUserRow(trx, input.portalId, input.userId);
    if (user.status !== 'invited') {
      throw new TRPCError({
        code: 'PRECONDITION_FAILED',
        message: user.status === 'active' ? `${user.email} has accepted the invitation already.` : `${user.email} is disabled: enable or invite them again first.`,
      });
    }
    await createInvitation(trx, { portalId: input.portalId, userId: user.id, baseUrl: input.baseUrl });
    await audit(trx, { actor_type: 'admin', actor_id: actor.id, portal_id: input.portalId, action: 'portal-user.resendInvite', target: user.email, details: { userId: user.id } });
  });
  return getUser(db, input.portalId, input.userId);
}

/**
 * Disables a user (every session ends, so they are signed out at their next request, and open
 * links stop working) or enables them again: `active` when they have a password, else `invited`.
 */
export async function setUserStatus(db: Db, actor: AdminActor, input: { portalId: string; userId: string; status: 'active' | 'disabled' }): Promise<PortalUserSummary> {
  await writeTx(db, async (trx) => {
    const user = await findUserRow(trx, input.portalId, input.userId);
    const at = now();
    if (input.status === 'disabled') {
      if (user.status === 'disabled') return;
      await trx.updateTable('portal_users').set({ status: 'disabled', updated_at: at }).where('id', '=', user.id).where('portal_id', '=', input.portalId).execute();
      await revokeUserSessions(trx, user.id);
      // An invitation or reset link still in a mailbox must not let a disabled user back in.
      await trx.updateTable('portal_tokens').set({ used_at: at }).where('user_id', '=', user.id).where('used_at', 'is', null).execute();
      await audit(trx, { actor_type: 'admin', actor_id: actor.id, portal_id: input.portalId, action: 'portal-user.disable', target: user.email, details: { userId: user.id } });
      return;
    }
    if (user.status !== 'disabled') return;
    const status: PortalUserStatus = user.password_hash ? 'active' : 'invited';
    await trx.updateTable('portal_users').set({ status, updated_at: at }).where('id', '=', user.id).where('portal_id', '=', input.portalId).execute();
    await audit(trx, { actor_type: 'admin', actor_id: actor.id, portal_id: input.portalId, action: 'portal-user.enable', target: user.email, details: { userId: user.id, status } });
  });
  return getUser(db, input.portalId, input.userId);
}

/** Replaces a user's own roles; the change applies at their next request. */
export async function setUserRoles(db: Db, actor: AdminActor, input: { portalId: string; userId: string; roleIds: string[] }): Promise<PortalUserSummary> {
  await writeTx(db, async (trx) => {
    const user = await findUserRow(trx, input.portalId, input.userId);
    const roles = await requireRoles(trx, input.portalId, input.roleIds);
    const before = await trx
      .selectFrom('portal_user_roles as ur')
      .innerJoin('portal_roles as r', 'r.id', 'ur.role_id')
      .select('r.key')
      .where('ur.user_id', '=', user.id)
      .execute();
    await trx.deleteFrom('portal_user_roles').where('user_id', '=', user.id).execute();
    if (roles.length) await trx.insertInto('portal_user_roles').values(roles.map((r) => ({ user_id: user.id, role_id: r.id }))).execute();
    await trx.updateTable('portal_users').set({ updated_at: now() }).where('id', '=', user.id).execute();
    await audit(trx, {
      actor_type: 'admin',
      actor_id: actor.id,
      portal_id: input.portalId,
      action: 'portal-user.setRoles',
      target: user.email,
      details: { userId: user.id, before: before.map((r) => r.key).sort(), after: roles.map((r) => r.key).sort() },
    });
  });
  return getUser(db, input.portalId, input.userId);
}

/** Links the user to a contact (what the levels contact and account reach through), or unlinks them with null. */
export async function linkContact(db: Db, actor: AdminActor, input: { portalId: string; userId: string; contactId: string | null }): Promise<PortalUserSummary> {
  await writeTx(db, async (trx) => {
    const user = await findUserRow(trx, input.portalId, input.userId);
    if (input.contactId) await requireFreeContact(trx, input.portalId, input.contactId, user.id);
    if (user.contact_id === input.contactId) return;
    await trx.updateTable('portal_users').set({ contact_id: input.contactId, updated_at: now() }).where('id', '=', user.id).where('portal_id', '=', input.portalId).execute();
    await audit(trx, {
      actor_type: 'admin',
      actor_id: actor.id,
      portal_id: input.portalId,
      action: input.contactId ? 'portal-user.linkContact' : 'portal-user.unlinkContact',
      target: user.email,
      details: { userId: user.id, before: user.contact_id, after: input.contactId },
    });
  });
  return getUser(db, input.portalId, input.userId);
}

// ---------------------------------------------------------------------------------------------
// Inviting many from a CSV file, all or nothing (like the record import: services/record-import.ts).

export const CSV_COLUMNS = ['email', 'name', 'roles', 'contactExternalId'] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

export type UserImportResult = { total: number; created: number; invited: number };

/** Role keys in a cell: separated by `;`, `,` or spaces (role keys are slugs, so none of these is ever part of one). */
export const splitRoleKeys = (cell: string): string[] => [...new Set(cell.split(/[;,\s]+/).filter(Boolean))];

type CsvUser = { row: number; email: string; name: string; roleKeys: string[]; contactExternalId: string };

/** Reads the file into rows (header checked, blank lines skipped but counted), or throws the file's problems. */
export function readUserCsv(content: string): CsvUser[] {
  if (content.includes('\u0000')) throw badRequest('The file contains NUL characters; it is not a text file. Nobody was invited.');
  const firstLine = content.slice(0, content.search(/\r?\n|$/));
  let records: string[][];
  try {
    records = parseCsv(content, {
      bom: true,
      // What spreadsheets write in many European locales.
      delimiter: firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',',
      relax_column_count: true,
      skip_empty_lines: false,
      to: 2 * MAX_CSV_ROWS + 1,
    });
  } catch (err) {
    if (err instanceof CsvError) {
      const row = typeof err.records === 'number' ? err.records + 1 : 1;
      throw new FieldIssuesError(`The CSV could not be read: ${err.message}. Nobody was invited.`, [{ row, field: '', message: err.message }]);
    }
    throw err;
  }
  const [header, ...body] = records;
  if (!header || header.every((h) => h.trim() === '')) throw badRequest(`The file is empty: its first line must name the columns (${CSV_COLUMNS.join(', ')}).`);
  const issues: LocatedIssue[] = [];
  const columns: (CsvColumn | null)[] = header.map((raw, i) => {
    const name = raw.trim();
    const column = CSV_COLUMNS.find((c) => c.toLowerCase() === name.toLowerCase());
    if (!column) issues.push({ row: 1, field: name, message: name ? `"${name}" is not a column of this import; the columns are ${CSV_COLUMNS.join(', ')}` : `column ${i + 1} has no name` });
    return column ?? null;
  });
  for (const c of CSV_COLUMNS) if (columns.filter((x) => x === c).length > 1) issues.push({ row: 1, field: c, message: `the column "${c}" appears twice` });
  if (!columns.includes('email')) issues.push({ row: 1, field: 'email', message: 'an email column is required' });
  if (issues.length) throw reportError(issues, issues.length);
  const isBlank = (r: string[]) => r.every((c) => c.trim() === '');
  const rows: CsvUser[] = [];
  body.forEach((cells, i) => {
    if (isBlank(cells)) return;
    const cell = (c: CsvColumn) => {
      const at = columns.indexOf(c);
      return at === -1 ? '' : unescapeFormula((cells[at] ?? '').trim());
    };
    rows.push({ row: i + 2, email: cell('email'), name: cell('name'), roleKeys: splitRoleKeys(cell('roles')), contactExternalId: cell('contactExternalId') });
  });
  if (rows.length > MAX_CSV_ROWS) throw badRequest(`The file has more than ${MAX_CSV_ROWS.toLocaleString('en')} rows, the limit for one import; split it into several files.`);
  if (rows.length === 0) throw badRequest('The file has a header but no rows: nobody to invite.');
  return rows;
}

function reportError(listed: LocatedIssue[], count: number): FieldIssuesError {
  const rows = new Set(listed.map((i) => i.row)).size;
  const more = count > listed.length ? ` The first ${MAX_LISTED_ISSUES} are listed.` : '';
  return new FieldIssuesError(`${plural(count, 'problem')} in ${plural(rows, 'row')}; nobody was invited.${more}`, listed.slice(0, MAX_LISTED_ISSUES));
}

const emailSchema = z.email();

/**
 * Creates (and, with `invite`, invites) a user per row: every row is checked first — a valid new
 * email, a name (or the linked contact's), role keys of this portal, a contact by external id that
 * no other user holds, nothing twice in the file — and if any row has a problem nobody is created
 * and the report names row, column and problem. Otherwise all rows are written in one transaction.
 */
export async function importUsers(db: Db, actor: AdminActor, input: { portalId: string; content: string; invite: boolean; baseUrl: string }): Promise<UserImportResult> {
  const bytes = Buffer.byteLength(input.content, 'utf8');
  if (bytes > MAX_CSV_BYTES) throw new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: `The file has ${(bytes / 1024).toFixed(0)} KB; an import of users takes at most 1 MB. Split it into several files.` });
  await requirePortalRow(db, input.portalId);
  const rows = readUserCsv(input.content);

  return writeTx(db, async (trx) => {
    const issues: LocatedIssue[] = [];
    const roles = await trx.selectFrom('portal_roles').select(['id', 'key']).where('portal_id', '=', input.portalId).execute();
    const emails = rows.map((r) => normalizeEmail(r.email)).filter(Boolean);
    const takenEmails = new Set<string>();
    for (let i = 0; i < emails.length; i += 500) {
      const found = await trx.selectFrom('portal_users').select('email').where('portal_id', '=', input.portalId).where('email', 'in', emails.slice(i, i + 500)).execute();
      for (const f of found) takenEmails.add(f.email);
    }
    const externalIds = [...new Set(rows.map((r) => r.contactExternalId).filter(Boolean))];
    const contacts = new Map<string, { id: string; title: string; linkedTo: string | null }>();
    for (let i = 0; i < externalIds.length; i += 500) {
      const found = await trx
        .selectFrom('records as c')
        .leftJoin('portal_users as u', (j) => j.onRef('u.contact_id', '=', 'c.id').on('u.portal_id', '=', input.portalId))
        .select(['c.id', 'c.title', 'c.external_id', 'u.email'])
        .where('c.type', '=', CONTACT)
        .where('c.external_id', 'in', externalIds.slice(i, i + 500))
        .execute();
      for (const f of found) contacts.set(f.external_id!, { id: f.id, title: f.title, linkedTo: f.email });
    }

    const firstRowOfEmail = new Map<string, number>();
    const firstRowOfContact = new Map<string, number>();
    type Planned = { email: string; name: string; roleIds: string[]; roleKeys: string[]; contactId: string | null };
    const planned: Planned[] = [];
    for (const r of rows) {
      const at = (field: string, message: string) => issues.push({ row: r.row, field, message });
      const email = normalizeEmail(r.email);
      if (!email) at('email', 'an email address is required');
      else if (!emailSchema.safeParse(email).success) at('email', `"${r.email}" is not an email address`);
      else if (takenEmails.has(email)) at('email', `a user with the email ${email} exists in this portal already`);
      else if (firstRowOfEmail.has(email)) at('email', `${email} is also in row ${firstRowOfEmail.get(email)}`);
      else firstRowOfEmail.set(email, r.row);

      let contact: { id: string; title: string } | null = null;
      if (r.contactExternalId) {
        const c = contacts.get(r.contactExternalId);
        if (!c) at('contactExternalId', `there is no contact with the external id "${r.contactExternalId}"`);
        else if (c.linkedTo) at('contactExternalId', `the contact "${c.title}" is already linked to the user ${c.linkedTo}`);
        else if (firstRowOfContact.has(c.id)) at('contactExternalId', `the contact "${c.title}" is also in row ${firstRowOfContact.get(c.id)}`);
        else {
          firstRowOfContact.set(c.id, r.row);
          contact = c;
        }
      }
      const name = r.name || contact?.title || '';
      if (!name) at('name', 'a name is required (or a contact, whose name is then used)');
      else if (name.length > 120) at('name', 'a name has at most 120 characters');

      const roleIds: string[] = [];
      for (const key of r.roleKeys) {
        const role = roles.find((x) => x.key === key);
        if (role) roleIds.push(role.id);
        else at('roles', `there is no role "${key}" in this portal (the roles are ${roles.map((x) => x.key).join(', ') || 'none yet'})`);
      }
      planned.push({ email, name, roleIds, roleKeys: r.roleKeys, contactId: contact?.id ?? null });
    }
    if (issues.length) throw reportError(issues, issues.length);

    const at = now();
    for (const p of planned) {
      const id = newRowId();
      await trx
        .insertInto('portal_users')
        .values({ id, portal_id: input.portalId, email: p.email, name: p.name, status: 'invited', contact_id: p.contactId, password_hash: null, email_confirmed_at: null, created_at: at, updated_at: at, last_login_at: null })
        .execute();
      if (p.roleIds.length) await trx.insertInto('portal_user_roles').values(p.roleIds.map((roleId) => ({ user_id: id, role_id: roleId }))).execute();
      if (input.invite) await createInvitation(trx, { portalId: input.portalId, userId: id, baseUrl: input.baseUrl });
      await audit(trx, {
        actor_type: 'admin',
        actor_id: actor.id,
        portal_id: input.portalId,
        action: 'portal-user.create',
        target: p.email,
        details: { userId: id, contactId: p.contactId, roles: p.roleKeys, invited: input.invite, import: true },
      });
    }
    const result = { total: planned.length, created: planned.length, invited: input.invite ? planned.length : 0 };
    await audit(trx, { actor_type: 'admin', actor_id: actor.id, portal_id: input.portalId, action: 'portal-user.import', target: null, details: result });
    return result;
  });
}
