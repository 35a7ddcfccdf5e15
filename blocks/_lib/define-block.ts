// defineBlock: one typed object per block (DESIGN.md section 4). The registry and every block type
// are derived from these definitions; there is no second hand-written map.
import type { ComponentType, ReactNode } from 'react';
import type { z } from 'zod';
import type { LocalizedText, Requirement } from '../../core';

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
};

export type RenderProps<P, S extends string = string> = {
  id: string;
  props: P;
  /** Children already rendered by the host, per slot name. */
  slots: Record<S, ReactNode>;
  data?: unknown;
  ctx: RenderContext;
};

/** A declarative data request; the server executes it through the access layer (later issues). */
export type DataRequest =
  | { kind: 'list'; entityType: string; fields: string[]; limit: number }
  | { kind: 'record'; entityType: string; fields: string[]; idParam: string };

export type ActionDefinition = { label: string; input: z.ZodType; requires?: Requirement[] };

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
  actions?: Record<string, ActionDefinition>;
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
