// Props schema fragments shared by the self-service list blocks (offers, invoices, payments,
// services, service catalogue, implementation status), and their common data request. Each returns
// the same schema, defaults and builder meta those blocks wrote out by hand: stored documents and
// the builder depend on them.
import { z } from 'zod';
import type { DataRequest } from './define-block';

/** The block's heading (untrimmed, up to 120 characters). */
export const listHeading = (def: string) => z.string().max(120).default(def).meta({ label: 'Heading' });

/** What the block says when there is nothing to list. */
export const listEmptyText = (def: string) => z.string().max(200).default(def).meta({ label: 'Text when there are none' });

/** How many rows the block asks for, 1 to `max`. */
export const listLimit = (def: number, label: string, max = 100) => z.number().int().min(1).max(max).default(def).meta({ label });

/** A multiple choice among fixed values (statuses, kinds) the list is filtered by; empty means all. */
export const choiceFilter = <const T extends readonly [string, ...string[]]>(values: T, def: T[number][], label: string, help: string, itemLabel = 'Status') =>
  z.array(z.enum(values).meta({ label: itemLabel })).max(values.length).default(def).meta({ label, help });

/** The newest `limit` records of a type (by `sortField`, descending), only those whose status is among `statuses` unless it is empty. */
export const newestWithStatus = (entityType: string, fields: readonly string[], limit: number, sortField: string, statuses: readonly string[]): DataRequest => ({
  kind: 'list',
  entityType,
  fields: [...fields],
  limit,
  sort: [{ field: sortField, dir: 'desc' }],
  ...(statuses.length ? { filters: [{ field: 'status', op: 'in', value: [...statuses] }] } : {}),
});
