// Drag and drop for the page editor: the one DndContext, the region droppables and the drag state.
export { EditorDnd, REGION, useDropRegion, type DragData } from './editor-dnd';
export { dndStore, isDragging, justDropped, useDnd } from './dnd-store';
export type { DragSource, DropPosition } from './drop-position';
