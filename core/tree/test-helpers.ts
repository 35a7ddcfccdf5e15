// Test-only helpers for the tree specs: compact node builders, a sample page, deep freezing.
import type { BlockNode } from '../schema/document';
import { TreeError, type TreeErrorCode } from './types';

export const heading = (id: string, text = id): BlockNode => ({ id, type: 'heading', props: { text } });

export const section = (id: string, body: BlockNode[] = [], extra: Record<string, BlockNode[]> = {}): BlockNode => ({
  id,
  type: 'section',
  props: { padding: 'medium' },
  slots: { body, ...extra },
});

/**
 * hero(section){ title, sub(section){ deep } }, intro, cols(section){ body: [], aside: [note] }
 */
export function samplePage(): BlockNode[] {
  return deepFreeze([
    section('hero', [heading('title'), section('sub', [heading('deep')])]),
    heading('intro'),
    section('cols', [], { aside: [heading('note')] }),
  ]);
}

/** Freezes a value and everything reachable from it, so any mutation throws (modules are strict). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/** The ids of a forest as nested arrays: a readable picture of its shape for assertions. */
export function shape(forest: readonly BlockNode[]): unknown[] {
  return forest.map((n) =>
    n.slots ? { [n.id]: Object.fromEntries(Object.entries(n.slots).map(([k, v]) => [k, shape(v)])) } : n.id,
  );
}

/** The TreeError code `fn` throws, 'none' when it returns, and rethrows anything that is not a TreeError. */
export function treeErrorCode(fn: () => unknown): TreeErrorCode | 'none' {
  try {
    fn();
  } catch (e) {
    if (e instanceof TreeError) return e.code;
    throw e;
  }
  return 'none';
}
