// Applies one inspector edit to the document: validates the prop's new value with its own schema,
// refuses changes that would orphan a slot's blocks, and dispatches `updateProps`. Typing in one
// field is coalesced into one undo step. Reads the store at call time, so callbacks stay stable.
import type { z } from 'zod';
import type { BlockDefinition } from '../../blocks';
import { nodeById } from '../store/block-index';
import type { EditorStore } from '../store/editor-store';
import { getAt, setAt, slotConflict, validateAt, type FieldDescriptor, type Path } from './field-model';

export type CommitOptions = {
  /** Typing: consecutive edits of the same field merge into one undo step. */
  coalesce?: boolean;
  /** Sibling props changed in the same step (an upload's width and height). */
  extra?: Record<string, unknown>;
};

/** Applies `update` to the value at `path` inside the field's prop; a message when refused. */
export type Commit = (path: Path, update: (current: unknown) => unknown, opts?: CommitOptions) => string | null;

const defaults = new WeakMap<z.ZodType, Record<string, unknown>>();

/** A block's default props (every prop schema has a default): what a missing prop stands for. */
export function defaultsOf(def: BlockDefinition): Record<string, unknown> {
  let out = defaults.get(def.props);
  if (!out) {
    const parsed = def.props.safeParse({});
    out = parsed.success ? (parsed.data as Record<string, unknown>) : {};
    defaults.set(def.props, out);
  }
  return out;
}

export function commitProp(
  store: EditorStore,
  target: { nodeId: string; def: BlockDefinition; field: FieldDescriptor },
  path: Path,
  update: (current: unknown) => unknown,
  opts: CommitOptions = {},
): string | null {
  const s = store.getState();
  const { nodeId, def, field } = target;
  const pageId = s.index.get(nodeId)?.pageId;
  const node = s.doc && pageId ? nodeById(s.doc, s.index, nodeId) : undefined;
  if (!node || !pageId) return 'this block no longer exists';
  const name = field.name;
  const current = Object.hasOwn(node.props, name) ? node.props[name] : defaultsOf(def)[name];
  const next = path.length ? setAt(current, path, update(getAt(current, path))) : update(current);
  const message = validateAt(field.schema, next, path);
  if (message) return message;
  const patch: Record<string, unknown> = { [name]: next };
  const shape = def.props.shape as Record<string, z.ZodType>;
  for (const [key, value] of Object.entries(opts.extra ?? {})) {
    const schema = Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (schema?.safeParse(value).success) patch[key] = value;
  }
  const conflict = slotConflict(def, node, { ...node.props, ...patch });
  if (conflict) return conflict;
  const key = [nodeId, name, ...path].join('.');
  const ok = s.dispatch({ type: 'updateProps', pageId, id: nodeId, patch }, opts.coalesce ? { coalesce: key } : {});
  return ok ? null : (store.getState().lastError ?? 'the change was refused');
}
