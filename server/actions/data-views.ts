// Action handlers of the data view blocks (table, cards, detail, related records, files): the
// detail block's Delete. The record is the page's (its id from the route, never from the input),
// deleted within the user's *delete* scope inside the action's transaction, with the record
// service's rules: out of scope reads as not found, records other records link to are kept.
import { isPortalPath } from '../../blocks/_lib/safe-href';
import type { EntityDetailProps } from '../../blocks/entity-detail';
import { requireType } from '../services/entity-types';
import { writeAccessFor } from '../services/portal-grants';
import { deleteInTx } from '../services/records';
import { auditAction, notFound, type ActionContext, type HandlerTable } from './action-context';

export const dataViewHandlers: HandlerTable = {
  'entity-detail.delete': async (ctx: ActionContext<EntityDetailProps, { confirm: true }>) => {
    const type = await requireType(ctx.trx, ctx.props.entityType);
    const id = ctx.params[ctx.props.param];
    if (!id) throw notFound(type);
    await deleteInTx(ctx.trx, ctx.actor, type, id, writeAccessFor(ctx.principal, type, 'delete').scope, { nameLinks: false });
    await auditAction(ctx, `${type.key}/${id}`, 'Deleted');
    const back = ctx.props.backPath && isPortalPath(ctx.props.backPath) ? ctx.props.backPath : '/';
    return { ok: true, message: `The ${type.label.singular.toLowerCase()} was deleted.`, redirect: back };
  },
};
