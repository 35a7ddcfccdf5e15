// Editing one block in place: its props and its visibility. Everything else keeps its identity.
import type { BlockNode, Visibility } from '../schema/document';
import { mapNode } from './rebuild';
import { TreeError } from './types';

function mapExisting(forest: readonly BlockNode[], id: string, fn: (node: BlockNode) => BlockNode): BlockNode[] {
  const out = mapNode(forest, id, fn);
  if (!out) throw new TreeError('NOT_FOUND', `no block "${id}"`);
  return out;
}

/**
 * Shallow-merges `patch` into the node's props; a key whose value is `undefined` deletes that prop.
 * A patch that changes nothing returns the input forest itself, so callers can skip no-op history.
 */
export function updateProps(forest: readonly BlockNode[], id: string, patch: Record<string, unknown>): BlockNode[] {
  return mapExisting(forest, id, (node) => {
    const props: Record<string, unknown> = { ...node.props };
    let changed = false;
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) {
        if (!Object.hasOwn(props, key)) continue;
        delete props[key];
      } else {
        if (Object.hasOwn(props, key) && Object.is(props[key], value)) continue;
        // defineProperty rather than assignment: a "__proto__" key must become a prop, not a prototype.
        Object.defineProperty(props, key, { value, enumerable: true, writable: true, configurable: true });
      }
      changed = true;
    }
    return changed ? { ...node, props } : node;
  });
}

/** Sets the node's visibility; `undefined` removes it (visible to everyone the page is visible to). */
export function setVisibility(forest: readonly BlockNode[], id: string, visibility: Visibility | undefined): BlockNode[] {
  return mapExisting(forest, id, (node) => {
    if (node.visibility === visibility) return node;
    if (visibility === undefined) {
      const { visibility: _dropped, ...rest } = node;
      return rest;
    }
    return { ...node, visibility };
  });
}
