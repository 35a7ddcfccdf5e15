// The reducer table: one pure reducer per action type. `reduce` is what the store's dispatch calls.
import type { PortalDocument } from '../../../core';
import type { ActionOf, EditAction, EditActionType } from '../actions';
import { duplicateBlock, insertBlock, moveBlock, pasteBlocks, removeBlock, setBlockVisibility, updateBlockProps } from './blocks';
import { addPage, removePage, setNavigation, updatePage, updateTheme } from './pages';

export { EditError } from './blocks';

type Reducers = { [T in EditActionType]: (doc: PortalDocument, action: ActionOf<T>) => PortalDocument };

export const reducers: Reducers = {
  insertBlock,
  moveBlock,
  removeBlock,
  duplicateBlock,
  updateProps: updateBlockProps,
  setVisibility: setBlockVisibility,
  pasteBlocks,
  addPage,
  updatePage,
  removePage,
  setNavigation,
  updateTheme,
};

export function reduce(doc: PortalDocument, action: EditAction): PortalDocument {
  return (reducers[action.type] as (d: PortalDocument, a: EditAction) => PortalDocument)(doc, action);
}
