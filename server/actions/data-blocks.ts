// Action handlers of the form and search data blocks (entity-form, identifier-search).
//
// entity-form.submit: the form accepts exactly the configured fields the user's role lets them edit
// (and FieldInput can type); any other key — a link to the account or contact, an owner, an
// internal field, a field not on the form, a made-up key — is refused with the field named before
// anything is written. Create links the new record to the user's (first) account and their contact
// on the server; edit patches the record within the user's edit scope, with the revision the form
// was loaded at. The record layer writes the audit entry (created / which fields changed, by whom,
// from which portal): the action adds none of its own, which would only repeat it on the timeline.
//
// identifier-search.find: an exact (trimmed, case-insensitive) match on every configured field,
// within the user's read scope; "not found" is one answer whether the record does not exist or
// belongs to someone else. Every attempt counts against 10 per user per 15 minutes — a not-found
// answer is a successful outcome (stored with the idempotency key), so its attempt is committed;
// only the refusal of an attempt over the limit rolls back, and it need not count.
import { TRPCError } from '@trpc/server';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { EntityType, FieldDef, Filter, RecordData } from '../../core';
import type { EntityFormProps, submitInput } from '../../blocks/entity-form';
import type { findInput, IdentifierSearchProps } from '../../blocks/identifier-search';
import { hasInput } from '../../blocks/_lib/field-input';
import { requireType } from '../services/entity-types';
import { FieldIssuesError, type LocatedIssue } from '../services/field-issues';
import { recordAccessFor } from '../services/portal-grants';
import { queryRecords } from '../services/record-query';
import { editableFields, notFound, ownerLinks, writeAsAction, writeAsUser, type ActionContext, type ActionHandler, type HandlerTable } from './action-context';

type FormCtx = ActionContext<EntityFormProps, z.output<typeof submitInput>>;
type FindCtx = ActionContext<IdentifierSearchProps, z.output<typeof findInput>>;

/** The form's fields this user may set: configured (all when none are), editable by their role, typed by the form, never a link or internal. */
export function acceptedFields(ctx: ActionContext<unknown, unknown>, type: EntityType, configured: readonly string[]): Set<string> {
  const editable = editableFields(ctx, type);
  const wanted = configured.length ? new Set(configured) : null;
  const out = new Set<string>();
  for (const f of type.fields) {
    if (f.internal || !hasInput(f.type) || !editable.has(f.key)) continue;
    if (wanted && !wanted.has(f.key)) continue;
    out.add(f.key);
  }
  out.delete(type.accountLink ?? '');
  out.delete(type.contactLink ?? '');
  return out;
}

/** Why a key is refused, in words the user (or a developer poking at the API) understands. */
function refusal(type: EntityType, key: string, configured: readonly string[], editable: ReadonlySet<string>): LocatedIssue {
  const f = type.fields.find((x) => x.key === key);
  if (!f) return { field: key, message: `"${type.label.singular}" has no field "${key}"` };
  if (key === type.accountLink || key === type.contactLink) return { field: key, message: `"${key}" is set by the portal, not by the form` };
  if (f.internal) return { field: key, message: `"${key}" cannot be set here` };
  if (configured.length && !configured.includes(key)) return { field: key, message: `"${key}" is not part of this form` };
  if (!editable.has(key)) return { field: key, message: `you may not change "${key}"` };
  return { field: key, message: `"${key}" cannot be set with this form` };
}

const submit: ActionHandler<EntityFormProps, z.output<typeof submitInput>> = async (ctx: FormCtx) => {
  const { props, input } = ctx;
  const type = await requireType(ctx.trx, props.entityType);
  const accepted = acceptedFields(ctx, type, props.fields);
  const refused = Object.keys(input.data).filter((k) => !accepted.has(k));
  if (refused.length) {
    const issues = refused.map((k) => refusal(type, k, props.fields, editableFields(ctx, type)));
    // A made-up key is a bad request; a real field the user may not set here is forbidden.
    const code = issues.every((i) => !type.fields.some((f) => f.key === i.field)) ? 'BAD_REQUEST' : 'FORBIDDEN';
    throw new FieldIssuesError(`Not saved: ${issues.map((i) => i.message).join('; ')}.`, issues, code);
  }
  const singular = type.label.singular.toLowerCase();
  const done = (id: string, fallback: string) => ({
    ok: true as const,
    message: props.successMessage || fallback,
    recordId: id,
    ...(props.successPath ? { redirect: props.successPath.replace(/:id\b/g, encodeURIComponent(id)) } : {}),
  });

  if (props.mode === 'create') {
    if (!(ctx.principal.grants.entities.get(type.key)?.create ?? false)) throw new TRPCError({ code: 'FORBIDDEN', message: `You may not create ${type.label.plural.toLowerCase()}.` });
    // The user's part was checked above, field by field, as writeAsUser would; the links are the
    // server's decision (a role commonly may only read them), so the record is written as the action.
    const id = await writeAsAction(ctx, type.key, { mode: 'create', data: { ...input.data, ...ownerLinks(ctx, type) } });
    return done(id, `Thank you — your ${singular} has been saved.`);
  }

  const id = ctx.params[props.param];
  if (!id) throw notFound(type);
  if (Object.keys(input.data).length === 0) return { ok: true, message: 'Nothing to save: no field was changed.', recordId: id };
  try {
    await writeAsUser(ctx, type.key, { mode: 'patch', id, data: input.data, ...(input.baseRevision !== undefined ? { baseRevision: input.baseRevision } : {}) });
  } catch (err) {
    if (err instanceof TRPCError && err.code === 'CONFLICT') {
      throw new TRPCError({ code: 'CONFLICT', message: `This ${singular} was changed meanwhile. Reload the page to see the current version, then make your change again.`, cause: err });
    }
    throw err;
  }
  return done(id, 'Your changes have been saved.');
};

// ---- identifier search --------------------------------------------------------------------------

export const SEARCH_LIMIT = 10;
export const SEARCH_WINDOW_MS = 15 * 60_000;
const CANDIDATES = 100;
const MAX_CANDIDATE_PAGES = 10;

/** Attempts one address may make in a window: several colleagues may share an office's address. */
export const SEARCH_LIMIT_PER_ADDRESS = 30;

/**
 * Counts one attempt for the user and for their address, and refuses it when either window's
 * attempts are used up. One atomic upsert per key on the throttle table (so concurrent attempts on
 * Postgres cannot both slip under the limit), under keys of their own; the login throttle's growing
 * delays are a different rule, so only its table is shared (and its housekeeping, which sweeps old
 * windows).
 */
export async function countAttempt(ctx: ActionContext<unknown, unknown>, now = Date.now()): Promise<void> {
  await countKey(ctx, `portal:${ctx.portal.id}:find:${ctx.user.id}`, SEARCH_LIMIT, now);
  if (ctx.ip) await countKey(ctx, `portal:${ctx.portal.id}:find-ip:${ctx.ip}`, SEARCH_LIMIT_PER_ADDRESS, now);
}

async function countKey(ctx: ActionContext<unknown, unknown>, key: string, limit: number, now: number): Promise<void> {
  const at = new Date(now).toISOString();
  const cutoff = new Date(now - SEARCH_WINDOW_MS).toISOString();
  const row = await ctx.trx
    .insertInto('auth_throttle')
    .values({ key, failures: 1, window_started_at: at, blocked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when auth_throttle.window_started_at <= ${cutoff} then 1 else auth_throttle.failures + 1 end`,
        window_started_at: sql<string>`case when auth_throttle.window_started_at <= ${cutoff} then ${at} else auth_throttle.window_started_at end`,
      }),
    )
    .returning(['failures', 'window_started_at'])
    .executeTakeFirstOrThrow();
  if (Number(row.failures) > limit) {
    const minutes = Math.max(1, Math.ceil((Date.parse(row.window_started_at) + SEARCH_WINDOW_MS - now) / 60_000));
    throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: `Too many searches. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.` });
  }
}

const norm = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : typeof v === 'number' ? String(v) : '');

/**
 * For one typed value: a filter the query layer runs to narrow the candidates, and the normalised
 * value a candidate's field must equal; null when no record can match (a number that is none).
 */
function criterion(field: FieldDef, value: string): { filter: Filter; expected: string } | null {
  switch (field.type) {
    case 'number': {
      const n = Number(value.replace(',', '.'));
      return Number.isFinite(n) ? { filter: { field: field.key, op: 'eq', value: n }, expected: String(n) } : null;
    }
    case 'enum': {
      const v = value.toLowerCase();
      const option = field.options.find((o) => o.value.toLowerCase() === v || o.label.toLowerCase() === v);
      return option ? { filter: { field: field.key, op: 'eq', value: option.value }, expected: norm(option.value) } : null;
    }
    default:
      // LIKE is case-insensitive (ASCII on SQLite, fully on Postgres): it narrows, the exact check decides.
      return { filter: { field: field.key, op: 'startsWith', value }, expected: norm(value) };
  }
}

const find: ActionHandler<IdentifierSearchProps, z.output<typeof findInput>> = async (ctx: FindCtx) => {
  const { props, input } = ctx;
  const type = await requireType(ctx.trx, props.entityType);
  const issues: LocatedIssue[] = [];
  for (const key of Object.keys(input.values)) if (!props.fields.includes(key)) issues.push({ field: key, message: `"${key}" is not a field of this search` });
  const fields = props.fields.map((key) => type.fields.find((f) => f.key === key));
  props.fields.forEach((key, i) => {
    const f = fields[i];
    if (!f || f.internal) issues.push({ field: key, message: `this search is set up with "${key}", which is not a field of ${type.label.plural.toLowerCase()}` });
    else if (!(input.values[key] ?? '').trim()) issues.push({ field: key, message: `Enter the ${f.label.toLowerCase()}.` });
  });
  if (issues.length) throw new FieldIssuesError(issues.map((i) => i.message).join(' '), issues);

  // Counted before looking: found, not found and out of scope all cost one attempt alike.
  await countAttempt(ctx);

  const notFoundAnswer = { ok: true as const, message: props.notFoundText };
  const criteria: { key: string; filter: Filter; expected: string }[] = [];
  props.fields.forEach((key, i) => {
    const c = criterion(fields[i]!, input.values[key]!.trim());
    if (c) criteria.push({ key, ...c });
  });
  if (criteria.length < props.fields.length) return notFoundAnswer;
  const filters = criteria.map((c) => c.filter);
  const matches = (data: RecordData) => criteria.every((c) => norm(data[c.key]) === c.expected);
  const access = recordAccessFor(ctx.principal, type);
  let cursor: string | undefined;
  for (let page = 0; page < MAX_CANDIDATE_PAGES; page++) {
    // Filters the viewer may use: a field they cannot read is FORBIDDEN (the block then says it is not available to them).
    const result = await queryRecords(ctx.trx, { type: type.key, filters, fields: props.fields, limit: CANDIDATES, sort: [{ field: 'createdAt', dir: 'desc' }], ...(cursor ? { cursor } : {}) }, access);
    const hit = result.items.find((r) => matches(r.data));
    if (hit) {
      if (props.resultPath) return { ok: true, redirect: props.resultPath.replace(/:id\b/g, encodeURIComponent(hit.id)), recordId: hit.id };
      return { ok: true, message: `Found: ${hit.title || type.label.singular}.`, recordId: hit.id };
    }
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return notFoundAnswer;
};

export const dataBlockHandlers: HandlerTable = {
  'entity-form.submit': submit,
  'identifier-search.find': find,
};
