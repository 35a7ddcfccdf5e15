// The inspector's model of a block's props, derived from its zod schema: one descriptor per field
// (widget, label, help, options, bounds, nested item fields), and the validation rules that decide
// whether an edit may reach the document. Pure: no React, no store, so every rule is unit-tested.
import { z } from 'zod';
import { metaOf, slotNamesOf, unwrap, widgetFor, type BlockDefinition, type WidgetKind } from '../../blocks';
import { newId, type BlockNode } from '../../core';

export type Path = readonly (string | number)[];
/** A choice of a select: `value` is its text in the DOM, `raw` what is stored (literals may be numbers). */
export type Option = { value: string; label: string; raw: unknown };

/** What one item of a list looks like: an object with its own fields, or a single value. */
export type ItemDescriptor =
  | { kind: 'object'; label: string; schema: z.ZodType; fields: FieldDescriptor[]; hasId: boolean }
  | { kind: 'value'; label: string; schema: z.ZodType; field: FieldDescriptor };

export type FieldDescriptor = {
  /** The prop (or item key) this field edits. */
  name: string;
  label: string;
  help?: string;
  widget: WidgetKind;
  /** The prop's own schema, wrappers included: what a value must pass before it is dispatched. */
  schema: z.ZodType;
  /** Whether the empty string is an accepted value (optional links, images not chosen yet). */
  allowsEmpty: boolean;
  options?: Option[];
  min?: number;
  max?: number;
  integer?: boolean;
  maxLength?: number;
  item?: ItemDescriptor;
  minItems?: number;
  maxItems?: number;
  /** For 'field' widgets: the prop naming the entity type. */
  entityProp?: string;
  /** For 'image' widgets: sibling props that receive an upload's pixel size (see sizePropsFor). */
  sizeProps?: { width: string; height: string };
};

type ZodInternals = { _zod: { def: { type: string; checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number } } }[]; values?: unknown[] } } };
const internals = (schema: z.ZodType) => schema as unknown as ZodInternals;

/** Option labels people read: "image-right" → "Image right", "h2" → "H2". */
const OPTION_WORDS: Record<string, string> = { xs: 'Extra small', xl: 'Extra large', 'signed-in': 'Signed-in users' };
export function labelOfOption(value: string): string {
  if (OPTION_WORDS[value]) return OPTION_WORDS[value];
  const words = value.replace(/[-_]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : value;
}

/** "imageSrc" → "Image src": a label for props whose schema has none (a contract test requires one). */
function labelOfName(name: string): string {
  return labelOfOption(name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase());
}

/** "Tabs" → "Tab", "Link columns" → "Link column", "Questions" → "Question": a list's item noun. */
export function singular(label: string): string {
  if (/ies$/i.test(label)) return label.slice(0, -3) + 'y';
  if (/[^s]s$/i.test(label)) return label.slice(0, -1);
  return label || 'Item';
}

function finite(n: number | null | undefined): number | undefined {
  return typeof n === 'number' && Number.isFinite(n) && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined;
}

function lengthBounds(schema: z.ZodType): { min?: number; max?: number } {
  const out: { min?: number; max?: number } = {};
  for (const check of internals(schema)._zod.def.checks ?? []) {
    const def = check._zod.def;
    if (def.check === 'min_length' && def.minimum !== undefined) out.min = def.minimum;
    if (def.check === 'max_length' && def.maximum !== undefined) out.max = def.maximum;
  }
  return out;
}

/**
 * Image size convention: an image prop named `src` fills the sibling `width` and `height` props
 * after an upload; one named `<x>Src` fills `<x>Width` and `<x>Height`. Both must exist, else none.
 */
export function sizePropsFor(name: string, keys: readonly string[]): { width: string; height: string } | undefined {
  const stem = name === 'src' ? '' : name.endsWith('Src') ? name.slice(0, -3) : null;
  if (stem === null) return undefined;
  const width = stem ? `${stem}Width` : 'width';
  const height = stem ? `${stem}Height` : 'height';
  return keys.includes(width) && keys.includes(height) ? { width, height } : undefined;
}

/** Scales an image's pixel size down, keeping its proportions, to fit the props' upper bound. */
export function fitPixelSize(width: number, height: number, max = 10_000): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export function describeField(name: string, schema: z.ZodType, siblings: readonly string[] = []): FieldDescriptor | null {
  const widget = widgetFor(schema);
  if (!widget) return null;
  const meta = metaOf(schema);
  const inner = unwrap(schema);
  const field: FieldDescriptor = {
    name,
    label: meta.label ?? labelOfName(name),
    widget,
    schema,
    allowsEmpty: schema.safeParse('').success,
  };
  if (meta.help) field.help = meta.help;
  if (meta.entityProp) field.entityProp = meta.entityProp;
  if (inner instanceof z.ZodEnum) field.options = inner.options.map((v) => ({ value: String(v), label: labelOfOption(String(v)), raw: v }));
  else if (internals(inner)._zod.def.type === 'literal') {
    field.options = (internals(inner)._zod.def.values ?? []).map((v) => ({ value: String(v), label: labelOfOption(String(v)), raw: v }));
  }
  if (inner instanceof z.ZodNumber) {
    const min = finite(inner.minValue);
    const max = finite(inner.maxValue);
    if (min !== undefined) field.min = min;
    if (max !== undefined) field.max = max;
    field.integer = inner.isInt;
  }
  if (inner instanceof z.ZodString && inner.maxLength !== null) field.maxLength = inner.maxLength;
  if (widget === 'image') {
    const sizes = sizePropsFor(name, siblings);
    if (sizes) field.sizeProps = sizes;
  }
  if (widget === 'list' && inner instanceof z.ZodArray) {
    const { min, max } = lengthBounds(inner);
    if (min !== undefined) field.minItems = min;
    if (max !== undefined) field.maxItems = max;
    const element = inner.element as z.ZodType;
    const elementInner = unwrap(element);
    const itemLabel = metaOf(element).label ?? singular(field.label);
    if (elementInner instanceof z.ZodObject) {
      const shape = elementInner.shape as Record<string, z.ZodType>;
      field.item = {
        kind: 'object',
        label: itemLabel,
        schema: element,
        // An item's id is its stable key (a tab's id is also its slot's name): generated, never edited.
        fields: describeShape(shape, ['id']),
        hasId: Object.hasOwn(shape, 'id'),
      };
    } else {
      const sub = describeField('value', element);
      if (!sub) return null;
      field.item = { kind: 'value', label: itemLabel, schema: element, field: { ...sub, label: itemLabel } };
    }
  }
  return field;
}

function describeShape(shape: Record<string, z.ZodType>, skip: readonly string[] = []): FieldDescriptor[] {
  const keys = Object.keys(shape);
  const out: FieldDescriptor[] = [];
  for (const key of keys) {
    if (skip.includes(key)) continue;
    const field = describeField(key, shape[key]!, keys);
    if (field) out.push(field);
  }
  return out;
}

const described = new WeakMap<z.ZodType, FieldDescriptor[]>();

/** The fields of a block's props schema, in schema order; cached per schema (selecting is cheap). */
export function describeFields(props: z.ZodObject): FieldDescriptor[] {
  let fields = described.get(props);
  if (!fields) {
    fields = describeShape(props.shape as Record<string, z.ZodType>);
    described.set(props, fields);
  }
  return fields;
}

/** A new list item: the item schema's defaults, with a fresh id when items carry one. */
export function defaultItem(item: ItemDescriptor, makeId: () => string = () => newId('i')): unknown {
  if (item.kind === 'object') {
    const parsed = item.schema.safeParse(item.hasId ? { id: makeId() } : {});
    return parsed.success ? parsed.data : undefined;
  }
  const parsed = item.schema.safeParse(undefined);
  if (parsed.success) return parsed.data;
  const f = item.field;
  if (f.widget === 'number') return f.min ?? 0;
  if (f.widget === 'toggle') return false;
  if (f.widget === 'select') return f.options?.[0]?.raw;
  return '';
}

/** A one-line summary of a list item for its collapsed header: its first filled-in text. */
export function summarizeItem(item: ItemDescriptor, value: unknown, index: number): string {
  if (item.kind === 'object' && value && typeof value === 'object') {
    for (const f of item.fields) {
      const v = (value as Record<string, unknown>)[f.name];
      if ((f.widget === 'text' || f.widget === 'textarea') && typeof v === 'string' && v.trim()) return v.trim();
    }
  }
  if (item.kind === 'value' && typeof value === 'string' && value.trim()) return value.trim();
  return `${item.label} ${index + 1}`;
}

// ---- values at paths ----

export function getAt(value: unknown, path: Path): unknown {
  let cur = value;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

/** A copy of `value` with `leaf` at `path`; only the spine is copied. */
export function setAt(value: unknown, path: Path, leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(value)) {
    const i = Number(key);
    return value.with(i, setAt(value[i], rest, leaf));
  }
  const obj = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return { ...obj, [key]: setAt(obj[key], rest, leaf) };
}

/** Moves an item of a list by `delta` places; the same list when the move goes nowhere. */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length || delta === 0) return list as T[];
  const out = list.toSpliced(index, 1);
  out.splice(to, 0, list[index]!);
  return out;
}

// ---- validation ----

export type FieldIssue = { path: Path; message: string };

const samePrefix = (a: Path, b: Path) => a.every((k, i) => String(k) === String(b[i]));

/** The issue that belongs to the field at `path`: its own, one inside it, one about a container. */
export function pickIssue(issues: readonly FieldIssue[], path: Path): string | null {
  const own = issues.find((i) => i.path.length >= path.length && samePrefix(path, i.path));
  if (own) return own.message;
  const container = issues.find((i) => i.path.length < path.length && samePrefix(i.path, path));
  return (container ?? issues[0])?.message ?? null;
}

/** A stored problem at `path` or inside it: what a leaf field shows. */
export function issueWithin(issues: readonly FieldIssue[], path: Path): string | null {
  return issues.find((i) => i.path.length >= path.length && samePrefix(path, i.path))?.message ?? null;
}

/** A stored problem about exactly `path` (a list's own length, say): what a container shows. */
export function issueExactly(issues: readonly FieldIssue[], path: Path): string | null {
  return issues.find((i) => i.path.length === path.length && samePrefix(path, i.path))?.message ?? null;
}

function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }));
}

/** Validates a prop's whole value after an edit at `path`: null when it may be dispatched. */
export function validateAt(schema: z.ZodType, value: unknown, path: Path = []): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : pickIssue(issuesOf(result.error), path);
}

/** Block-level problems (cross-field rules included), grouped by the prop they name. */
export function issuesByProp(props: z.ZodObject, values: Record<string, unknown>): ReadonlyMap<string, FieldIssue[]> {
  const result = props.safeParse(values);
  const out = new Map<string, FieldIssue[]>();
  if (result.success) return out;
  for (const issue of issuesOf(result.error)) {
    const [head, ...rest] = issue.path;
    const key = head === undefined ? '' : String(head);
    const list = out.get(key) ?? [];
    list.push({ path: rest, message: issue.message });
    out.set(key, list);
  }
  return out;
}

/** The text in a number field as a value: undefined when it is not a number at all. */
export function parseNumberInput(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** A text field's value as it would be dispatched, or the reason it cannot be. */
export function readInput(field: FieldDescriptor, text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (field.widget === 'number') {
    const n = parseNumberInput(text);
    return n === undefined ? { ok: false, message: 'enter a number' } : { ok: true, value: n };
  }
  return { ok: true, value: text };
}

export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** "#abc" or "abc123" → "#aabbcc" / "#abc123"; anything else as typed (then refused by the schema). */
export function normalizeHex(text: string): string {
  const t = text.trim();
  const bare = t.startsWith('#') ? t.slice(1) : t;
  if (/^[0-9a-fA-F]{3}$/.test(bare)) return `#${[...bare].map((c) => c + c).join('')}`.toLowerCase();
  if (/^[0-9a-fA-F]{6}$/.test(bare)) return `#${bare}`.toLowerCase();
  return t;
}

// ---- drafts: what a field shows while its value is being typed ----

/** A field's local text and the store value it was typed against. */
export type Draft = { text: string; forValue: unknown; error: string | null };

/**
 * The draft to show, if any. A draft stands while the store still holds the value it was made
 * against; once the store changes from elsewhere (undo, another panel) the store wins.
 */
export function liveDraft(draft: Draft | null, value: unknown): Draft | null {
  return draft && Object.is(draft.forValue, value) ? draft : null;
}

// ---- slots ----

/** A slot's name as people know it: "col3" → "Column 3", a tab's id → the tab's label. */
function slotLabel(slot: string, props: Record<string, unknown>): string {
  const col = /^col(\d+)$/.exec(slot);
  if (col) return `Column ${col[1]}`;
  for (const value of Object.values(props)) {
    if (!Array.isArray(value)) continue;
    const item = value.find((v): v is Record<string, unknown> => !!v && typeof v === 'object' && (v as Record<string, unknown>).id === slot);
    if (item) return String(item.label ?? item.title ?? slot);
  }
  return slot;
}

/**
 * Refuses a props change that would drop a slot still holding blocks (fewer columns, a removed tab):
 * those blocks would vanish from the page without a trace. Null when the change is safe.
 */
export function slotConflict(def: BlockDefinition, node: BlockNode, nextProps: Record<string, unknown>): string | null {
  if (!node.slots || !def.slots) return null;
  const keep = new Set(slotNamesOf(def, nextProps));
  for (const [slot, children] of Object.entries(node.slots)) {
    if (keep.has(slot) || children.length === 0) continue;
    const n = children.length;
    return `"${slotLabel(slot, node.props)}" still holds ${n} block${n === 1 ? '' : 's'}: move or delete ${n === 1 ? 'it' : 'them'} first`;
  }
  return null;
}
