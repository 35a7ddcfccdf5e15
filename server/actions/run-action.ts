// portal.runAction (DESIGN.md section 2, step 6): the request names the page, the block and the
// action; the server takes the block's configuration from the *published* version (never from the
// request), checks the page and block are visible to this user and that their grants satisfy the
// action, validates the input with the action's strict schema, and runs the handler — the change,
// its audit entry and its outbox rows — in one transaction. The idempotency key is stored with the
// answer in that transaction: a repeated request (double click, retry) gets the same answer and
// changes nothing again; the same key with a different request is refused.
import { createHash } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { normalizePath, type ActionOutcome } from '../../core';
import { getBlock } from '../../blocks';
import { writeTx, type Db } from '../db/database';
import { buildPagePayload } from '../published/page-payload';
import { findBlock, propsOf } from '../published/block-data';
import type { ResolvedPortal } from '../published/resolve-portal';
import { loadPublishedVersion } from '../published/version-cache';
import type { PortalPrincipal } from '../services/portal-grants';
import type { ActionContext, ActionUser } from './action-context';
import { actionHandlers } from './handlers';

export const runActionInput = z
  .object({
    path: z.string().min(1).max(500),
    blockId: z.string().min(1).max(64),
    action: z.string().min(1).max(60),
    input: z.unknown(),
    idempotencyKey: z.string().regex(/^[A-Za-z0-9-]{16,64}$/, 'an idempotency key is 16–64 letters, digits or dashes'),
  })
  .strict();
export type RunActionInput = z.infer<typeof runActionInput>;

const hashRequest = (i: RunActionInput) => createHash('sha256').update(JSON.stringify([normalizePath(i.path), i.blockId, i.action, i.input ?? null])).digest('hex');

/** The published block a user may act on, its action definition and the page's route parameters. */
export async function resolveActionBlock(db: Db, portal: ResolvedPortal, principal: PortalPrincipal, path: string, blockId: string) {
  if (!portal.publishedVersionId) throw new TRPCError({ code: 'NOT_FOUND', message: 'This portal has not been published yet.' });
  const rel = normalizePath(path);
  if (!rel || !rel.startsWith('/')) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Invalid input: path must start with "/".' });
  const version = await loadPublishedVersion(db, portal.publishedVersionId);
  // The same filter that built the page: a block the user cannot see cannot be acted on.
  const { payload } = buildPagePayload(version, portal, rel, principal.viewer, null);
  const node = payload.status === 200 ? findBlock(payload.page.blocks, blockId) : null;
  if (!node) throw new TRPCError({ code: 'NOT_FOUND', message: 'There is no such block on this page.' });
  return { node, params: payload.page.params, path: rel };
}

export async function runAction(db: Db, portal: ResolvedPortal, principal: PortalPrincipal, user: ActionUser, request: RunActionInput, portalUrl: string, ip: string | null = null): Promise<ActionOutcome> {
  const { node, params, path } = await resolveActionBlock(db, portal, principal, request.path, request.blockId);
  const def = getBlock(node.type);
  const action = def?.actions && Object.hasOwn(def.actions, request.action) ? def.actions[request.action] : undefined;
  const handler = actionHandlers[`${node.type}.${request.action}`];
  if (!action || !handler) throw new TRPCError({ code: 'NOT_FOUND', message: `This block has no action "${request.action}".` });
  const props = propsOf(node);
  const missing = (action.requires?.(props as never) ?? []).find((r) => !principal.viewer.can(r));
  if (missing) throw new TRPCError({ code: 'FORBIDDEN', message: `Your role does not allow this (${'action' in missing ? missing.action : `${missing.op} ${missing.entity}`}).` });
  const input = action.input.safeParse(request.input ?? {});
  if (!input.success) throw new TRPCError({ code: 'BAD_REQUEST', message: `Invalid input: ${z.prettifyError(input.error).replace(/\n/g, ' ')}`, cause: input.error });

  const hash = hashRequest(request);
  return writeTx(db, async (trx) => {
    const at = new Date().toISOString();
    const claimed = await trx
      .insertInto('action_runs')
      .values({ portal_id: portal.id, user_id: user.id, idem_key: request.idempotencyKey, request_hash: hash, outcome: '{}', created_at: at })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) {
      const earlier = await trx
        .selectFrom('action_runs')
        .select(['request_hash', 'outcome'])
        .where('portal_id', '=', portal.id)
        .where('user_id', '=', user.id)
        .where('idem_key', '=', request.idempotencyKey)
        .executeTakeFirstOrThrow();
      if (earlier.request_hash !== hash) throw new TRPCError({ code: 'CONFLICT', message: 'This idempotency key was used for another request.' });
      return JSON.parse(earlier.outcome) as ActionOutcome;
    }
    const ctx: ActionContext = {
      trx,
      portal,
      principal,
      user,
      actor: { kind: 'portal-user', id: user.id, portalId: portal.id },
      props,
      input: input.data,
      params,
      blockType: node.type,
      action: request.action,
      portalUrl,
      path,
      ip,
    };
    const outcome = await (handler as (c: ActionContext) => Promise<ActionOutcome>)(ctx);
    await trx
      .updateTable('action_runs')
      .set({ outcome: JSON.stringify(outcome) })
      .where('portal_id', '=', portal.id)
      .where('user_id', '=', user.id)
      .where('idem_key', '=', request.idempotencyKey)
      .execute();
    return outcome;
  });
}
