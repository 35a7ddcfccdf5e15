// What an action handler works with: one open write transaction, the published block's props,
// the validated input, the signed-in user, and helpers that keep every handler inside the rules:
// records are read within the user's scope (out of scope = not found), writes go through the
// record layer (type checks, links, audit), and emails through the outbox of the same transaction.
import { TRPCError } from '@trpc/server';
import type { Kysely } from 'kysely';
import { fieldsFor, SELF_LINK, type ActionOutcome, type EntityType, type RecordData } from '../../core';
import { isSqlite } from '../db/dialect';
import type { DB } from '../db/schema';
import type { ResolvedPortal } from '../published/resolve-portal';
import { audit } from '../services/audit';
import { requireType } from '../services/entity-types';
import { FieldIssuesError } from '../services/field-issues';
import { enqueueEmail, type EmailTemplateName } from '../services/outbox';
import { recordAccessFor, writeAccessFor, type PortalPrincipal } from '../services/portal-grants';
import { findRecord, type RecordView } from '../services/record-query';
import { applyWrite, type WriteAccess } from '../services/records';
import type { Actor } from '../services/record-store';

export type ActionUser = { id: string; name: string; email: string; contactId: string | null };

export type ActionContext<P = Record<string, unknown>, I = unknown> = {
  trx: Kysely<DB>;
  portal: ResolvedPortal;
  principal: PortalPrincipal;
  user: ActionUser;
  actor: Actor;
  /** The block's props as published (defaults applied). */
  props: P;
  /** The input, already checked by the action's strict schema. */
  input: I;
  /** The page's route parameters (`/contracts/:id`). */
  params: Record<string, string>;
  blockType: string;
  action: string;
  /** The portal's absolute base URL, for links in emails (`${portalUrl}/invoices`). */
  portalUrl: string;
  /** The portal-relative path of the page the action was run on (`/invoices`): emails link back to it. */
  path: string;
  /** The client's address (as express sees it, behind the configured proxies), for per-address limits. */
  ip: string | null;
};

export type ActionHandler<P = Record<string, unknown>, I = unknown> = (ctx: ActionContext<P, I>) => Promise<ActionOutcome & { ok: true }>;

/** Handlers keyed `<block type>.<action>`; every action a block declares has exactly one. */
export type HandlerTable = Record<string, ActionHandler<never, never>>;

export const notFound = (type: EntityType) => new TRPCError({ code: 'NOT_FOUND', message: `No such ${type.label.singular.toLowerCase()}.` });

/** A record of a type within the user's read scope, with the fields they may read; else NOT_FOUND. */
export async function readInScope(ctx: ActionContext<unknown, unknown>, typeKey: string, id: string): Promise<{ type: EntityType; record: RecordView }> {
  const type = await requireType(ctx.trx, typeKey);
  const record = await findRecord(ctx.trx, type.key, id, recordAccessFor(ctx.principal, type));
  if (!record) throw notFound(type);
  return { type, record };
}

/**
 * A record's stored data, regardless of field access: for handlers that decide on server-side
 * state (an offer's status, an invoice's amount) after `readInScope` established the user may see it.
 */
export async function storedData(trx: Kysely<DB>, id: string, opts: { lock?: boolean } = {}): Promise<RecordData> {
  let q = trx.selectFrom('records').select('data').where('id', '=', id);
  // Postgres: a decision on the record's state (still open? already paid?) holds its row until the
  // transaction ends, so two different requests cannot both pass the check. SQLite's BEGIN
  // IMMEDIATE already serialises writers.
  if (opts.lock && !isSqlite(trx)) q = q.forUpdate();
  const row = await q.executeTakeFirstOrThrow();
  return typeof row.data === 'string' ? (JSON.parse(row.data) as RecordData) : (row.data as RecordData);
}

function failIfIssues(result: Awaited<ReturnType<typeof applyWrite>>): string {
  if (!result.ok) throw new FieldIssuesError(`Not saved: ${result.issues.map((i) => `${i.field || 'data'}: ${i.message}`).join('; ')}`, result.issues);
  return result.id;
}

/** Writes as the user: within their edit scope, only fields their role lets them edit. */
export async function writeAsUser(ctx: ActionContext<unknown, unknown>, typeKey: string, write: { mode: 'create'; data: RecordData } | { mode: 'patch'; id: string; data: RecordData; baseRevision?: number }): Promise<string> {
  const type = await requireType(ctx.trx, typeKey);
  if (write.mode === 'create' && !(ctx.principal.grants.entities.get(type.key)?.create ?? false)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: `You may not create ${type.label.plural.toLowerCase()}.` });
  }
  return failIfIssues(await applyWrite(ctx.trx, ctx.actor, type, write, writeAccessFor(ctx.principal, type)));
}

/**
 * Writes what an action itself decides (an offer's status, a payment record), not what the user
 * typed: the fields are named by the handler, the user's read scope was checked by `readInScope`,
 * and the named action was checked before the handler ran. Still typed, linked and audited.
 */
export async function writeAsAction(ctx: ActionContext<unknown, unknown>, typeKey: string, write: { mode: 'create'; data: RecordData } | { mode: 'patch'; id: string; data: RecordData }): Promise<string> {
  const type = await requireType(ctx.trx, typeKey);
  const access: WriteAccess = {
    scope: write.mode === 'create' ? { kind: 'all' } : recordAccessFor(ctx.principal, type).scope,
    editable: new Set(Object.keys(write.data)),
    internal: true,
    createdByUser: ctx.user.id,
    read: recordAccessFor(ctx.principal, type),
  };
  return failIfIssues(await applyWrite(ctx.trx, ctx.actor, type, write, access));
}

/** The user's company: their contact's first account. Users without one have nothing to act on. */
export function companyOf(ctx: ActionContext<unknown, unknown>): string {
  const id = ctx.principal.data.accountIds[0];
  if (!id) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'Your user is not linked to a company yet. Please contact customer service.' });
  return id;
}

/**
 * The links a new record gets from the server, never from the input: its account link to
 * `accountId` (by default the user's company) and its contact link to the user's contact — as a
 * one-element list where the link field holds several. Types without such links get none.
 */
export function ownerLinks(ctx: ActionContext<unknown, unknown>, type: EntityType, accountId: unknown = ctx.principal.data.accountIds[0], opts: { contact?: boolean } = {}): RecordData {
  const out: RecordData = {};
  const set = (key: string | null, id: unknown) => {
    if (!key || key === SELF_LINK || typeof id !== 'string' || !id) return;
    out[key] = type.fields.find((f) => f.key === key)?.type === 'relations' ? [id] : id;
  };
  set(type.accountLink, accountId);
  if (opts.contact !== false) set(type.contactLink, ctx.user.contactId);
  return out;
}

/**
 * Only the keys that are fields of the type, without absent values: the conventional optional
 * fields (notes, contact …) are left out where an admin's type lacks them. Keys in `required` stay
 * even when the type lacks them, so the record check names them instead of a silent gap.
 */
export function knownFields(type: EntityType, data: Record<string, unknown>, required: readonly string[] = []): RecordData {
  const out: RecordData = {};
  for (const [k, v] of Object.entries(data)) if (v !== undefined && (required.includes(k) || type.fields.some((f) => f.key === k))) out[k] = v as RecordData[string];
  return out;
}

/** The fields of a type this user may edit (their role's field access), without the account/contact links. */
export function editableFields(ctx: ActionContext<unknown, unknown>, type: EntityType): Set<string> {
  const { editable } = fieldsFor(ctx.principal.grants, type);
  editable.delete(type.accountLink ?? '');
  editable.delete(type.contactLink ?? '');
  return editable;
}

/** The audit entry of the action, on the record it acted on: the timeline shows `summary`. */
export function auditAction(ctx: ActionContext<unknown, unknown>, target: string | null, summary: string, details: Record<string, unknown> = {}): Promise<void> {
  return audit(ctx.trx, {
    actor_type: 'portal-user',
    actor_id: ctx.user.id,
    portal_id: ctx.portal.id,
    action: 'portal.action',
    target,
    details: { block: ctx.blockType, action: ctx.action, summary, ...details },
  });
}

/** An email to the user about what they just did, written to the outbox in this transaction. */
export async function emailUser(ctx: ActionContext<unknown, unknown>, template: EmailTemplateName, data: Record<string, unknown>): Promise<void> {
  await enqueueEmail(ctx.trx, { portalId: ctx.portal.id, to: ctx.user.email, template, data: { userName: ctx.user.name, ...data } });
}
