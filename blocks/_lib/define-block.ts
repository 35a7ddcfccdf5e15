// defineBlock: one typed object per block (DESIGN.md section 4). The registry and every block type
// are derived from these definitions; there is no second hand-written map.
import type { ComponentType, ReactNode } from 'react';
import type { z } from 'zod';
import type { ActionOutcome, BlockQuery, Filter, LocalizedText, Requirement, Sort } from '../../core';

export type BlockCategory = 'layout' | 'content' | 'navigation' | 'data' | 'self-service';

/** What every Render receives besides its props: the portal, the viewer, and helpers. */
export type RenderContext = {
  mode: 'runtime' | 'builder';
  locale: string;
  portal: { name: string; slug: string; basePath: string };
  user: { firstName: string; lastName: string; email: string } | null;
  /** Resolves a portal-relative path (`/invoices`) to a URL under the portal's base. */
  href: (path: string) => string;
  /** Picks the viewer's locale from a localized text. */
  t: (text: LocalizedText | string | undefined) => string;
  /** The page's route parameters (`/contracts/:id` → `{ id }`). */
  params: Record<string, string>;
  /**
   * Runs one of the block's actions on the server (DESIGN.md section 2, step 6). Absent in the
   * builder's canvas, where blocks show their actions but cannot run them. Use `useAction`.
   */
  runAction?: (blockId: string, action: string, input: unknown, idempotencyKey: string) => Promise<ActionOutcome>;
  /** Fetches the block's data again with the viewer's choices (sort, search, filters, next page). */
  loadData?: (blockId: string, query: BlockQuery) => Promise<unknown>;
};

export type RenderProps<P, S extends string = string> = {
  id: string;
  props: P;
  /** Children already rendered by the host, per slot name. */
  slots: Record<S, ReactNode>;
  /** The result of the block's data request (see block-data.ts), absent in the builder's canvas. */
  data?: unknown;
  /** Which of the block's actions the viewer may run (their grants satisfy the action's requirements). */
  can?: Readonly<Record<string, boolean>>;
  ctx: RenderContext;
};

/**
 * A declarative data request; the server executes it through the access layer (scope and field
 * filtering in SQL) for the signed-in viewer and attaches the result (block-data.ts) to the page.
 */
export type DataRequest =
  /** Records of a type; `related` keeps those whose relation field points at the page's record. */
  | {
      kind: 'list';
      entityType: string;
      fields: string[];
      limit: number;
      sort?: Sort[];
      filters?: Filter[];
      /** Fields the viewer may sort by / whether they may search (the table's header and search box). */
      sortable?: string[];
      search?: boolean;
      related?: { field: string; param: string };
    }
  /** One record, its id taken from a route parameter of the page (`/contracts/:id`). */
  | { kind: 'record'; entityType: string; fields: string[]; param: string }
  /** Only the descriptions (labels, types) of fields the viewer may read, no record: a search form's inputs. */
  | { kind: 'fields'; entityType: string; fields: string[] }
  /** A form: the fields the viewer may edit, and for `edit` the record's current values. */
  | { kind: 'form'; entityType: string; fields: string[]; mode: 'create' | 'edit'; param?: string }
  /** count / sum / avg / min / max over records in scope, optionally grouped by a field. */
  | { kind: 'aggregate'; entityType: string; measure: AggregateMeasure; field?: string; groupBy?: string; filters?: Filter[] }
  /** A record's history: its changes and the portal actions taken on it. */
  | { kind: 'timeline'; entityType: string; param: string; limit: number }
  /** The viewer's own company: their contact's (first) account. */
  | { kind: 'account'; fields: string[] }
  /** The signed-in user themself: notification preferences. */
  | { kind: 'preferences' }
  /** The portal users of the viewer's company, and the roles a Customer Owner may give them. */
  | { kind: 'team' };
export type AggregateMeasure = 'count' | 'sum' | 'avg' | 'min' | 'max';

export type ActionDefinition<P = never> = {
  label: string;
  /** The action's input, a strict schema: unknown keys are refused. */
  input: z.ZodType;
  /** What the viewer's grants must satisfy to run it (named actions, entity operations). */
  requires?: (props: P) => Requirement[];
};

export type BlockDefinition<Schema extends z.ZodObject = z.ZodObject, Type extends string = string> = {
  type: Type;
  label: string;
  description: string;
  category: BlockCategory;
  icon: string;
  props: Schema;
  /** Named child slots: fixed, or derived from props (columns, tabs). */
  slots?: readonly string[] | ((props: z.output<Schema>) => string[]);
  requires?: (props: z.output<Schema>) => Requirement[];
  data?: (props: z.output<Schema>) => DataRequest | null;
  actions?: Record<string, ActionDefinition<z.output<Schema>>>;
  Render: ComponentType<RenderProps<z.output<Schema>>>;
};

/** Identity with inference: keeps each block's prop types precise. */
export function defineBlock<const Type extends string, Schema extends z.ZodObject>(
  def: BlockDefinition<Schema, Type>,
): BlockDefinition<Schema, Type> {
  return def;
}

/** The slot names a block has for the given (parsed) props. */
export function slotNamesOf<Schema extends z.ZodObject>(def: BlockDefinition<Schema, string>, props: z.output<Schema>): string[] {
  if (!def.slots) return [];
  return typeof def.slots === 'function' ? def.slots(props) : [...def.slots];
}
