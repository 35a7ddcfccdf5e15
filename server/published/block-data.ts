// Runs the data requests of a page's visible blocks (DESIGN.md section 2, step 4) for the viewer:
// every record read goes through the query layer with the viewer's scope and readable fields, so
// what a role may not see never leaves SQL. Also decides which of each block's actions the viewer
// may run. Blocks hidden by the visibility filter are not here at all: they were removed before.
import { TRPCError } from '@trpc/server';
import type { Kysely } from 'kysely';
import {
  fieldsFor,
  type AggregateResult,
  type BlockDataResult,
  type BlockNode,
  type BlockQuery,
  type EntityType,
  type FieldInfo,
  type Filter,
  type FormResult,
  type ListResult,
  type RecordResult,
  type RecordRow,
} from '../../core';
import { getBlock, slotNamesOf, type DataRequest } from '../../blocks';
import type { DB } from '../db/schema';
import { findType } from '../services/entity-types';
import { preferencesOf, teamOf } from '../services/portal-self-service';
import { recordAccessFor, writeAccessFor, type PortalPrincipal } from '../services/portal-grants';
import { aggregateRecords, findRecord, queryRecords, type RecordView } from '../services/record-query';
import { timelineOf } from '../services/record-timeline';

export type PageData = { data: Record<string, unknown>; can: Record<string, Record<string, boolean>> };
export type DataContext = { db: Kysely<DB>; principal: PortalPrincipal | null; portalId: string; params: Record<string, string> };

/** Every block of a (filtered) tree, depth first. */
export function* walkBlocks(nodes: readonly BlockNode[]): Generator<BlockNode> {
  for (const node of nodes) {
    yield node;
    const def = getBlock(node.type);
    if (!def || !node.slots) continue;
    for (const name of slotNamesOf(def, node.props as never)) yield* walkBlocks(node.slots[name] ?? []);
  }
}

export function findBlock(nodes: readonly BlockNode[], id: string): BlockNode | null {
  for (const node of walkBlocks(nodes)) if (node.id === id) return node;
  return null;
}

/** Published block nodes are immutable: their parsed props and data requests are kept per node object. */
const parsedProps = new WeakMap<BlockNode, Record<string, unknown>>();
const requests = new WeakMap<BlockNode, DataRequest | null>();

/** The props of a published block with its schema's defaults applied. */
export function propsOf(node: BlockNode): Record<string, unknown> {
  let props = parsedProps.get(node);
  if (!props) {
    const parsed = getBlock(node.type)?.props.safeParse(node.props);
    props = parsed?.success ? (parsed.data as Record<string, unknown>) : node.props;
    parsedProps.set(node, props);
  }
  return props;
}

function requestOf(node: BlockNode): DataRequest | null {
  let request = requests.get(node);
  if (request === undefined) {
    const def = getBlock(node.type);
    request = def?.data ? def.data(propsOf(node) as never) : null;
    requests.set(node, request);
  }
  return request;
}

/** Which of a block's actions the viewer's grants allow. */
export function actionsAllowed(node: BlockNode, principal: PortalPrincipal | null): Record<string, boolean> | null {
  const def = getBlock(node.type);
  if (!def?.actions) return null;
  const props = propsOf(node);
  const out: Record<string, boolean> = {};
  for (const [name, action] of Object.entries(def.actions)) {
    out[name] = principal !== null && principal.userId !== null && (action.requires?.(props as never) ?? []).every((r) => principal.viewer.can(r));
  }
  return out;
}

/** Data and action permissions of every visible block of a page. */
export async function loadPageData(ctx: DataContext, blocks: readonly BlockNode[]): Promise<PageData> {
  const data: Record<string, unknown> = {};
  const can: Record<string, Record<string, boolean>> = {};
  for (const node of walkBlocks(blocks)) {
    const allowed = actionsAllowed(node, ctx.principal);
    if (allowed) can[node.id] = allowed;
    let result: BlockDataResult | null | undefined;
    try {
      result = await loadBlockData(ctx, node);
    } catch (err) {
      // An admin's configuration that no longer fits the type breaks that block, not the page.
      if (!(err instanceof TRPCError) || (err.code !== 'BAD_REQUEST' && err.code !== 'FORBIDDEN')) throw err;
      result = { kind: 'error', message: `This block cannot show its data: ${err.message}` };
    }
    if (result !== undefined) data[node.id] = result;
  }
  return { data, can };
}

/** One block's data, optionally with the viewer's choices (sort, search, filters, next page). */
export async function loadBlockData(ctx: DataContext, node: BlockNode, query: BlockQuery = {}): Promise<BlockDataResult | null | undefined> {
  const request = requestOf(node);
  if (!request) return undefined;
  return runRequest(ctx, request, query);
}

async function runRequest(ctx: DataContext, request: DataRequest, query: BlockQuery): Promise<BlockDataResult | null> {
  const { db, principal } = ctx;
  switch (request.kind) {
    case 'preferences':
      return principal?.userId ? { kind: 'preferences', values: await preferencesOf(db, principal.userId) } : null;
    case 'team':
      return principal?.userId ? teamOf(db, ctx.portalId, principal) : null;
    case 'timeline': {
      const id = ctx.params[request.param];
      return timelineOf(db, principal, ctx.portalId, request.entityType, id ?? null, request.limit);
    }
    case 'account': {
      const type = await findType(db, 'account');
      const id = principal?.data.accountIds[0];
      if (!type || !principal || !id) return null;
      return recordResult(db, principal, type, id, request.fields);
    }
    default:
      break;
  }
  const type = await findType(db, request.entityType);
  // A block configured for a type that was deleted since: nothing to show, not an error page.
  if (!type) return null;
  switch (request.kind) {
    case 'list':
      return listResult(ctx, type, request, query);
    case 'record': {
      const id = ctx.params[request.param];
      return recordResult(db, principal, type, id ?? null, request.fields);
    }
    case 'fields':
      return recordResult(db, principal, type, null, request.fields);
    case 'form':
      return formResult(ctx, type, request);
    case 'aggregate':
      return aggregateResult(ctx, type, request);
  }
}

const labelOf = (type: EntityType) => ({ singular: type.label.singular, plural: type.label.plural });

/** The requested fields the viewer may read (all readable when none are named), described for display. */
export function fieldInfos(type: EntityType, principal: PortalPrincipal | null, keys: readonly string[] | null): FieldInfo[] {
  if (!principal) return [];
  const { readable, editable } = fieldsFor(principal.grants, type);
  const wanted = keys && keys.length ? keys : type.fields.map((f) => f.key);
  const out: FieldInfo[] = [];
  for (const key of wanted) {
    const f = type.fields.find((x) => x.key === key);
    if (!f || f.internal || !readable.has(key)) continue;
    const info: FieldInfo = { key, label: f.label, type: f.type, required: f.required, editable: editable.has(key) };
    if (f.type === 'enum') info.options = f.options.map((o) => ({ value: o.value, label: o.label }));
    if (f.type === 'money' && f.currency) info.currency = f.currency;
    if (f.type === 'relation' || f.type === 'relations') info.target = f.target;
    if ((f.type === 'text' || f.type === 'longText') && f.maxLength) info.maxLength = f.maxLength;
    out.push(info);
  }
  return out;
}

const rowOf = (v: RecordView): RecordRow => ({ id: v.id, title: v.title, data: v.data, updatedAt: v.updatedAt, revision: v.revision });

/** Titles of the records relation fields point at, for those the viewer may read. */
export async function relationTitles(db: Kysely<DB>, principal: PortalPrincipal | null, fields: readonly FieldInfo[], rows: readonly RecordRow[]): Promise<Record<string, string>> {
  const titles: Record<string, string> = {};
  if (!principal) return titles;
  const byTarget = new Map<string, Set<string>>();
  for (const f of fields) {
    if (!f.target) continue;
    for (const row of rows) {
      const v = row.data[f.key];
      const ids = Array.isArray(v) ? v : v ? [v] : [];
      for (const id of ids) if (typeof id === 'string') (byTarget.get(f.target) ?? byTarget.set(f.target, new Set()).get(f.target)!).add(id);
    }
  }
  for (const [target, ids] of byTarget) {
    const type = await findType(db, target);
    if (!type) continue;
    const access = recordAccessFor(principal, type);
    if (access.scope.kind === 'none') continue;
    const page = await queryRecords(db, { type: target, filters: [{ field: 'id', op: 'in', value: [...ids].slice(0, 200) }], fields: [], limit: 200 }, access);
    for (const r of page.items) if (r.title) titles[r.id] = r.title;
  }
  return titles;
}

async function listResult(ctx: DataContext, type: EntityType, request: Extract<DataRequest, { kind: 'list' }>, query: BlockQuery): Promise<ListResult> {
  const { db, principal } = ctx;
  const fields = fieldInfos(type, principal, request.fields);
  // The viewer's sort must be one the block offers; their filters are checked against what they may read.
  const sortable = new Set(request.sortable ?? []);
  for (const s of query.sort ?? []) {
    if (!sortable.has(s.field)) throw new TRPCError({ code: 'BAD_REQUEST', message: `This list cannot be sorted by "${s.field}".` });
  }
  if (query.search && !request.search) throw new TRPCError({ code: 'BAD_REQUEST', message: 'This list has no search.' });
  // The block's default sort is an admin's choice: keys this viewer may not read are dropped (newest first then), not an error.
  const readable = principal ? fieldsFor(principal.grants, type).readable : new Set<string>();
  const sort = query.sort?.length ? query.sort : (request.sort ?? []).filter((s) => s.field === 'createdAt' || s.field === 'updatedAt' || readable.has(s.field));
  const search = query.search ?? '';
  const base = { kind: 'list' as const, entityType: type.key, label: labelOf(type), fields, sort, search };
  if (!principal) return { ...base, items: [], nextCursor: null, titles: {} };
  const preset: Filter[] = [...(request.filters ?? [])];
  if (request.related) {
    const id = ctx.params[request.related.param];
    if (!id) return { ...base, items: [], nextCursor: null, titles: {} };
    preset.push({ field: request.related.field, op: fieldOfType(type, request.related.field) === 'relations' ? 'has' : 'eq', value: id });
  }
  const page = await queryRecords(
    db,
    {
      type: type.key,
      fields: fields.map((f) => f.key),
      sort,
      limit: request.limit,
      ...(query.filters?.length ? { filters: query.filters } : {}),
      ...(search ? { search } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
    },
    recordAccessFor(principal, type),
    preset,
  );
  const items = page.items.map(rowOf);
  return { ...base, items, nextCursor: page.nextCursor, titles: await relationTitles(db, principal, fields, items) };
}

const fieldOfType = (type: EntityType, key: string) => type.fields.find((f) => f.key === key)?.type;

async function recordResult(db: Kysely<DB>, principal: PortalPrincipal | null, type: EntityType, id: string | null, keys: readonly string[]): Promise<RecordResult> {
  const fields = fieldInfos(type, principal, keys);
  const base = { kind: 'record' as const, entityType: type.key, label: labelOf(type), fields };
  if (!principal || !id) return { ...base, record: null, titles: {} };
  const view = await findRecord(db, type.key, id, recordAccessFor(principal, type), fields.map((f) => f.key));
  const record = view ? rowOf(view) : null;
  return { ...base, record, titles: record ? await relationTitles(db, principal, fields, [record]) : {} };
}

async function formResult(ctx: DataContext, type: EntityType, request: Extract<DataRequest, { kind: 'form' }>): Promise<FormResult> {
  const { db, principal } = ctx;
  const all = fieldInfos(type, principal, request.fields);
  const base = { kind: 'form' as const, entityType: type.key, label: labelOf(type), mode: request.mode };
  if (request.mode === 'create') {
    // Links to the account and contact are set by the server, never by the form.
    const links = new Set([type.accountLink, type.contactLink]);
    return { ...base, fields: all.filter((f) => f.editable && !links.has(f.key)), record: null, titles: {} };
  }
  // An edit form loads its record within the user's *edit* scope: a record they may only read gets no form.
  const id = request.param ? ctx.params[request.param] : undefined;
  if (!principal || !id) return { ...base, fields: all, record: null, titles: {} };
  const access = { ...recordAccessFor(principal, type), scope: writeAccessFor(principal, type).scope };
  const view = await findRecord(db, type.key, id, access, all.map((f) => f.key));
  const record = view ? rowOf(view) : null;
  return { ...base, fields: all, record, titles: record ? await relationTitles(db, principal, all, [record]) : {} };
}

async function aggregateResult(ctx: DataContext, type: EntityType, request: Extract<DataRequest, { kind: 'aggregate' }>): Promise<AggregateResult> {
  const { db, principal } = ctx;
  const fieldInfo = request.field ? (fieldInfos(type, principal, [request.field])[0] ?? null) : null;
  const groupInfo = request.groupBy ? (fieldInfos(type, principal, [request.groupBy])[0] ?? null) : null;
  const base = { kind: 'aggregate' as const, entityType: type.key, measure: request.measure, field: fieldInfo, groups: [], total: 0 };
  // A measure or grouping over a field the viewer may not read would reveal it: nothing is shown.
  if (!principal || (request.measure !== 'count' && !fieldInfo) || (request.groupBy && !groupInfo)) return base;
  const rows = await aggregateRecords(db, { type: type.key, measure: request.measure, ...(request.field ? { field: request.field } : {}), ...(request.groupBy ? { groupBy: request.groupBy } : {}), ...(request.filters ? { filters: request.filters } : {}) }, recordAccessFor(principal, type));
  const optionLabel = (key: string | null) => (key === null ? '—' : (groupInfo?.options?.find((o) => o.value === key)?.label ?? key));
  const order = groupInfo?.options?.map((o) => o.value) ?? [];
  const groups = rows
    .map((r) => ({ key: r.key ?? '', label: optionLabel(r.key), value: r.value }))
    .sort((a, b) => (order.length ? order.indexOf(a.key) - order.indexOf(b.key) : a.key.localeCompare(b.key)));
  const total = request.measure === 'count' || request.measure === 'sum' ? groups.reduce((s, g) => s + g.value, 0) : (groups[0]?.value ?? 0);
  const currency = fieldInfo?.currency ?? (fieldInfo?.type === 'money' ? 'EUR' : undefined);
  return { ...base, groups, total, ...(currency ? { currency } : {}) };
}
