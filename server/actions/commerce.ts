// Action handlers of the commerce blocks.
import type { HandlerTable } from './action-context';

export const commerceHandlers: HandlerTable = {};
