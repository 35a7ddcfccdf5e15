// Every block action's server side, keyed `<block type>.<action>`. Each family of blocks keeps its
// handlers in its own file; a test checks that every action a block declares has a handler here
// and that no handler is left without a declaring block.
import type { HandlerTable } from './action-context';
import { dataBlockHandlers } from './data-blocks';
import { dataViewHandlers } from './data-views';
import { commerceHandlers } from './commerce';
import { accountHandlers } from './account';

export const actionHandlers: HandlerTable = { ...dataViewHandlers, ...dataBlockHandlers, ...commerceHandlers, ...accountHandlers };
