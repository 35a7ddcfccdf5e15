// Action handlers of the data-blocks blocks.
import type { HandlerTable } from './action-context';

export const dataBlockHandlers: HandlerTable = {};
