// What data blocks receive: the results of their data requests as the server builds them for the
// signed-in viewer (only records in their scope, only fields they may read), the viewer's choices
// when a block loads again (sort, search, next page), and what an action answers. Shared by the
// server's loaders, the blocks' Render components and the runtime.
import { z } from 'zod';
import type { FieldType } from './entities/entity-type';
import type { RecordData } from './entities/record-values';
import { filterSchema, sortSchema } from './entities/query';

/** A field as a block shows it: label and type for formatting, and whether the viewer may change it. */
export type FieldInfo = {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  editable: boolean;
  options?: { value: string; label: string }[];
  currency?: string;
  /** For relations: the target type. */
  target?: string;
  maxLength?: number;
};

/** A record as blocks get it: `data` holds only the requested fields the viewer may read. */
export type RecordRow = { id: string; title: string; data: RecordData; updatedAt: string; revision: number };

export type ListResult = {
  kind: 'list';
  entityType: string;
  /** Singular and plural labels of the type. */
  label: { singular: string; plural: string };
  fields: FieldInfo[];
  items: RecordRow[];
  nextCursor: string | null;
  /** The sort and search this page was loaded with. */
  sort: { field: string; dir: 'asc' | 'desc' }[];
  search: string;
  /** Titles of records that relation fields in `items` point at (readable ones only), by id. */
  titles: Record<string, string>;
};

export type RecordResult = {
  kind: 'record';
  entityType: string;
  label: { singular: string; plural: string };
  fields: FieldInfo[];
  /** Null when the record does not exist or is outside the viewer's scope (the two look alike). */
  record: RecordRow | null;
  titles: Record<string, string>;
};

export type FormResult = {
  kind: 'form';
  entityType: string;
  label: { singular: string; plural: string };
  mode: 'create' | 'edit';
  /** The fields of the form the viewer may edit (create: the create grant is needed for any). */
  fields: FieldInfo[];
  /** Edit mode: the record's current values (null when it is not found or out of scope). */
  record: RecordRow | null;
  titles: Record<string, string>;
};

export type AggregateResult = {
  kind: 'aggregate';
  entityType: string;
  measure: 'count' | 'sum' | 'avg' | 'min' | 'max';
  field: FieldInfo | null;
  /** Grouped results in the order of the group field's options (enums) or by value. */
  groups: { key: string; label: string; value: number }[];
  total: number;
  currency?: string;
};

export type TimelineEntry = { at: string; actor: string; summary: string; fields: string[] };
export type TimelineResult = { kind: 'timeline'; entityType: string; entries: TimelineEntry[]; found: boolean };

export type PreferencesResult = { kind: 'preferences'; values: Record<string, boolean> };

export type TeamMember = { id: string; name: string; email: string; status: 'invited' | 'active' | 'disabled'; roles: string[]; self: boolean };
/** `roles`: those the viewer may give; `roleNames`: the names of every role a member holds. */
export type TeamResult = { kind: 'team'; members: TeamMember[]; roles: { key: string; name: string }[]; roleNames?: Record<string, string> };

/** A block whose configuration no longer fits its type (a filter on a removed field, say): it says so instead of breaking the page. */
export type DataErrorResult = { kind: 'error'; message: string };

export type BlockDataResult = ListResult | RecordResult | FormResult | AggregateResult | TimelineResult | PreferencesResult | TeamResult | DataErrorResult;

/** The viewer's choices when a block loads again (a table's sort, search box, filters, next page). */
export const blockQuerySchema = z
  .object({
    cursor: z.string().max(4000).optional(),
    sort: z.array(sortSchema).max(1).optional(),
    search: z.string().trim().max(200).optional(),
    filters: z.array(filterSchema).max(10).optional(),
  })
  .strict();
export type BlockQuery = z.infer<typeof blockQuerySchema>;

/** What an action answers: done (with a message, or a portal path to go to), or refused with reasons. */
export type ActionOutcome =
  | { ok: true; message?: string; redirect?: string; recordId?: string }
  | { ok: false; message: string; issues?: { field: string; message: string }[] };

/** The notification preferences a portal user can switch (all on by default). */
export const NOTIFICATION_TOPICS = [
  { key: 'invoices', label: 'New invoices and payment reminders' },
  { key: 'offers', label: 'New offers' },
  { key: 'cases', label: 'Replies to my cases' },
  { key: 'services', label: 'Changes to my services and orders' },
  { key: 'news', label: 'News and saving tips' },
] as const;
export type NotificationTopic = (typeof NOTIFICATION_TOPICS)[number]['key'];
