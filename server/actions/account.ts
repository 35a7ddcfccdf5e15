// Action handlers of the account blocks.
import type { HandlerTable } from './action-context';

export const accountHandlers: HandlerTable = {};
