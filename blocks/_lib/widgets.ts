// Maps a prop's zod schema to the inspector widget that edits it. zod 4 `.meta({ widget })` carries
// hints where the type alone is ambiguous (colour, rich text, image, page link, entity/field pickers).
import type { z } from 'zod';

export type WidgetKind =
  | 'text'
  | 'textarea'
  | 'number'
  | 'select'
  | 'toggle'
  | 'color'
  | 'image'
  | 'richtext'
  | 'page-link'
  | 'url'
  | 'entity-type'
  | 'field'
  | 'list';

export type PropMeta = {
  widget?: WidgetKind;
  label?: string;
  help?: string;
  /** For 'field' widgets: the prop naming the entity type the field belongs to. */
  entityProp?: string;
};

const HINTED: ReadonlySet<string> = new Set<WidgetKind>([
  'text', 'textarea', 'number', 'select', 'toggle', 'color', 'image', 'richtext', 'page-link', 'url', 'entity-type', 'field', 'list',
]);

type AnySchema = z.ZodType;
type Def = { type: string; innerType?: AnySchema; in?: AnySchema; element?: AnySchema };

function defOf(schema: AnySchema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The meta of a schema or of any wrapper around it (optional, default, nullable). */
export function metaOf(schema: AnySchema): PropMeta {
  let s: AnySchema | undefined = schema;
  const merged: PropMeta = {};
  while (s) {
    const m = (s as unknown as { meta: () => PropMeta | undefined }).meta?.();
    if (m) for (const [k, v] of Object.entries(m)) if (!(k in merged)) (merged as Record<string, unknown>)[k] = v;
    s = unwrapOnce(s);
  }
  return merged;
}

function unwrapOnce(schema: AnySchema): AnySchema | undefined {
  const def = defOf(schema);
  if (['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type)) return def.innerType;
  if (def.type === 'pipe') return def.in;
  return undefined;
}

/** The innermost schema under optional/default/nullable wrappers. */
export function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (let next = unwrapOnce(s); next; next = unwrapOnce(s)) s = next;
  return s;
}

/** The widget for a prop, or null when no widget can edit it (a contract test forbids that). */
export function widgetFor(schema: AnySchema): WidgetKind | null {
  const hint = metaOf(schema).widget;
  if (hint && HINTED.has(hint)) return hint;
  const inner = unwrap(schema);
  switch (defOf(inner).type) {
    case 'string':
      return 'text';
    case 'number':
    case 'int':
      return 'number';
    case 'boolean':
      return 'toggle';
    case 'enum':
    case 'literal':
      return 'select';
    case 'array': {
      const el = defOf(inner).element;
      return el && defOf(unwrap(el)).type === 'object' ? 'list' : el && widgetFor(el) ? 'list' : null;
    }
    default:
      return null;
  }
}
