// Action handlers of the data view blocks (table, cards, detail, related records, files).
import type { HandlerTable } from './action-context';

export const dataViewHandlers: HandlerTable = {};
