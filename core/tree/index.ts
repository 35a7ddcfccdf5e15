// Pure, immutable operations on a page's block forest; the builder's store actions are built on them.
export { TreeError, type FoundNode, type NodeContext, type TreeErrorCode, type TreeLocation } from './types';
export { collectIds, countNodes, findNode, isDescendant, walk } from './find';
export { insertNode } from './insert';
export { moveNode } from './move';
export { removeNode } from './remove';
export { cloneWithFreshIds, duplicateNode } from './duplicate';
export { setVisibility, updateProps } from './update';
