// Shared vocabulary of the tree operations: where a node sits, and the one error type they throw.
import type { BlockNode } from '../schema/document';

/**
 * A place in a page's forest. `parentId: null` is the page's root list (no `slot` then); a block
 * parent needs the name of one of its slots. `index` is clamped to the list's bounds.
 */
export type TreeLocation = { parentId: string | null; slot?: string; index: number };

/** Where a node was met: its parent (null at the root), the slot it is in, its index and depth (root = 0). */
export type NodeContext = { parentId: string | null; slot: string | null; index: number; depth: number };

export type FoundNode = NodeContext & { node: BlockNode };

export type TreeErrorCode = 'NOT_FOUND' | 'INVALID_LOCATION' | 'CYCLE' | 'DUPLICATE_ID';

/** Thrown by every tree operation for a request it cannot honour; the input is never half-changed. */
export class TreeError extends Error {
  readonly code: TreeErrorCode;

  constructor(code: TreeErrorCode, message: string) {
    super(message);
    this.name = 'TreeError';
    this.code = code;
  }
}
