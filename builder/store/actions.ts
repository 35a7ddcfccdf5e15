// Every change to the document goes through one of these typed actions; each has one pure reducer
// in ./reducers. Selection, UI and save state are not document changes and are not actions.
import type { BlockNode, Page, Theme, TreeLocation, Visibility } from '../../core';

export type PagePatch = Partial<Pick<Page, 'title' | 'path' | 'icon' | 'inNav' | 'visibility'>>;

export type EditAction =
  | { type: 'insertBlock'; pageId: string; node: BlockNode; at: TreeLocation }
  | { type: 'moveBlock'; pageId: string; id: string; to: TreeLocation }
  | { type: 'removeBlock'; pageId: string; id: string }
  | { type: 'duplicateBlock'; pageId: string; id: string; newRootId?: string }
  | { type: 'updateProps'; pageId: string; id: string; patch: Record<string, unknown> }
  | { type: 'setVisibility'; pageId: string; id: string; visibility: Visibility | undefined }
  | { type: 'pasteBlocks'; pageId: string; nodes: BlockNode[]; at: TreeLocation }
  | { type: 'addPage'; page: Page; index?: number }
  | { type: 'updatePage'; pageId: string; patch: PagePatch }
  | { type: 'removePage'; pageId: string }
  | { type: 'setNavigation'; navigation: string[] }
  | { type: 'updateTheme'; patch: Partial<Theme> };

export type EditActionType = EditAction['type'];
export type ActionOf<T extends EditActionType> = Extract<EditAction, { type: T }>;

/** Actions that change only props or visibility: the tree's shape, and so the location index, stay. */
export const SHAPE_PRESERVING: ReadonlySet<EditActionType> = new Set(['updateProps', 'setVisibility', 'updatePage', 'setNavigation', 'updateTheme']);
