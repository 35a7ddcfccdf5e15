// Linking a contact to an account and unlinking it: a change of the contact's `accounts` field made
// through updateRecord (so checks, links and audit are the record service's), idempotent, by ids or
// by external ids. A concurrent change of the contact is retried on its new revision.
import { TRPCError } from '@trpc/server';
import { ACCOUNT, CONTACT, CONTACT_ACCOUNTS } from '../../../core';
import type { Db } from '../../db/database';
import type { ApiKeyPrincipal } from '../../services/api-keys';
import { requireType } from '../../services/entity-types';
import { findRecord, type RecordView } from '../../services/record-query';
import { updateRecord } from '../../services/records';
import { keyActor, readAccessFor, writeAccessFor } from '../auth';
import { defineRoute } from '../route';
import { linkExternalParams, linkParams, noQuery, recordSchema } from '../schemas';
import { recordReply, requireByExternalId } from './records';

/** Enough for a burst of links to one contact (each retry re-reads the contact). */
const ATTEMPTS = 10;

type Ref = { id: string } | { externalId: string };

async function resolve(db: Db, key: ApiKeyPrincipal, typeKey: string, ref: Ref): Promise<string> {
  const type = await requireType(db, typeKey);
  const access = readAccessFor(key, type);
  if ('externalId' in ref) return (await requireByExternalId(db, type, ref.externalId, access)).id;
  if (!(await findRecord(db, typeKey, ref.id, access, []))) throw new TRPCError({ code: 'NOT_FOUND', message: `There is no ${type.label.singular.toLowerCase()} with the id "${ref.id}".` });
  return ref.id;
}

async function setLink(db: Db, key: ApiKeyPrincipal, contactRef: Ref, accountRef: Ref, linked: boolean): Promise<RecordView> {
  const contactId = await resolve(db, key, CONTACT, contactRef);
  const accountId = await resolve(db, key, ACCOUNT, accountRef);
  const contactType = await requireType(db, CONTACT);
  const access = writeAccessFor(key, contactType);
  for (let attempt = 1; ; attempt++) {
    const contact = await findRecord(db, CONTACT, contactId, access.read);
    if (!contact) throw new TRPCError({ code: 'NOT_FOUND', message: `There is no contact with the id "${contactId}".` });
    const current = (contact.data[CONTACT_ACCOUNTS] as string[] | undefined) ?? [];
    if (current.includes(accountId) === linked) return contact;
    const next = linked ? [...current, accountId] : current.filter((id) => id !== accountId);
    try {
      return await updateRecord(db, keyActor(key), { type: CONTACT, id: contactId, data: { [CONTACT_ACCOUNTS]: next }, baseRevision: contact.revision }, access);
    } catch (err) {
      if (attempt < ATTEMPTS && err instanceof TRPCError && err.code === 'CONFLICT') continue;
      throw err;
    }
  }
}

const linkDoc = {
  tag: 'Contacts' as const,
  scope: 'records:write' as const,
  query: noQuery,
  responses: { 200: { description: 'The contact, with its `accounts`.', schema: recordSchema, headers: ['ETag' as const] } },
  problems: [400, 404, 409],
};

export const contactRoutes = [
  defineRoute({
    ...linkDoc,
    method: 'put',
    path: '/contacts/:id/accounts/:accountId',
    operationId: 'linkContactToAccount',
    summary: 'Link a contact to an account',
    description: "Adds the account to the contact's `accounts`; nothing changes if it is there already.",
    params: linkParams,
    handler: async ({ db, key, params }) => recordReply(await setLink(db, key, { id: params.id }, { id: params.accountId }, true)),
  }),
  defineRoute({
    ...linkDoc,
    method: 'delete',
    path: '/contacts/:id/accounts/:accountId',
    operationId: 'unlinkContactFromAccount',
    summary: 'Unlink a contact from an account',
    description: "Removes the account from the contact's `accounts`; nothing changes if it is not there.",
    params: linkParams,
    handler: async ({ db, key, params }) => recordReply(await setLink(db, key, { id: params.id }, { id: params.accountId }, false)),
  }),
  defineRoute({
    ...linkDoc,
    method: 'put',
    path: '/contacts/by-external-id/:externalId/accounts/by-external-id/:accountExternalId',
    operationId: 'linkContactToAccountByExternalIds',
    summary: 'Link a contact to an account, both by external id',
    params: linkExternalParams,
    handler: async ({ db, key, params }) => recordReply(await setLink(db, key, { externalId: params.externalId }, { externalId: params.accountExternalId }, true)),
  }),
  defineRoute({
    ...linkDoc,
    method: 'delete',
    path: '/contacts/by-external-id/:externalId/accounts/by-external-id/:accountExternalId',
    operationId: 'unlinkContactFromAccountByExternalIds',
    summary: 'Unlink a contact from an account, both by external id',
    params: linkExternalParams,
    handler: async ({ db, key, params }) => recordReply(await setLink(db, key, { externalId: params.externalId }, { externalId: params.accountExternalId }, false)),
  }),
];
