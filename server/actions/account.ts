// Action handlers of the account and support blocks: support cases and their messages, the team
// (invitations, roles, access), payment methods, the company's details and the user's notification
// preferences. Everything a user may not choose is decided here: case numbers and status, the
// account and contact a record belongs to, which payment method is the default, and which roles a
// user may hand out (never beyond their own grants).
import { randomInt } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import type { z } from 'zod';
import { ACCOUNT, CONTACT, CONTACT_ACCOUNTS, fieldsFor, grantsCover, SELF_LINK, type EntityType, type RecordData, type Scope } from '../../core';
import { recordPath, type CasesProps, type commentInput, type newCaseInput } from '../../blocks/cases';
import type { accountSettingsProps, saveBillingInput, saveContactInput } from '../../blocks/account-settings';
import type { notificationPreferencesProps, savePreferencesInput } from '../../blocks/notification-preferences';
import { ibanProblem, maskIban } from '../../blocks/payment-methods/iban';
import type { addSepaInput, methodInput, PaymentMethodsProps } from '../../blocks/payment-methods';
import type { inviteInput, memberInput, setRolesInput, TeamProps } from '../../blocks/team';
import { newRowId } from '../auth/tokens';
import { requireType } from '../services/entity-types';
import { FieldIssuesError } from '../services/field-issues';
import { assignableRoles, memberRoles, preferencesOf, teamUserIds, writePreferences } from '../services/portal-self-service';
import { normalizeEmail } from '../services/portal-user-admin';
import { createInvitation, revokeUserSessions } from '../services/portal-users';
import { queryRecords } from '../services/record-query';
import { applyWrite, deleteInTx } from '../services/records';
import { auditAction, companyOf, emailUser, knownFields, notFound, ownerLinks, readInScope, storedData, writeAsAction, type ActionContext, type ActionHandler, type HandlerTable } from './action-context';

type Ctx = ActionContext<unknown, unknown>;
const now = () => new Date().toISOString();

/** A type's link field to accounts (or contacts) that a handler reads, or null. */
const linkField = (link: string | null): string | null => (link && link !== SELF_LINK ? link : null);

// ---------------------------------------------------------------------------------------------
// Support cases.

const CASE_CODE = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** CASE-20260501-K7QM: the day it was opened and four random characters (no 0/O, 1/I). */
export function caseNumber(at: Date): string {
  const day = at.toISOString().slice(0, 10).replace(/-/g, '');
  let code = '';
  for (let i = 0; i < 4; i++) code += CASE_CODE[randomInt(CASE_CODE.length)];
  return `CASE-${day}-${code}`;
}

const createCase: ActionHandler<CasesProps, z.output<typeof newCaseInput>> = async (ctx) => {
  if (ctx.props.mode !== 'list' || !ctx.props.allowNew) throw new TRPCError({ code: 'NOT_FOUND', message: 'This block does not open new cases.' });
  const type = await requireType(ctx.trx, ctx.props.entityType);
  const accountId = companyOf(ctx);
  const number = caseNumber(new Date());
  const data: RecordData = { subject: ctx.input.subject, description: ctx.input.description, number, status: 'open' };
  if (ctx.input.category) data.category = ctx.input.category;
  const id = await writeAsAction(ctx, type.key, { mode: 'create', data: knownFields(type, { ...data, ...ownerLinks(ctx, type, accountId) }, ['subject']) });
  await auditAction(ctx, `${type.key}/${id}`, 'Case opened', { number });
  const path = recordPath(ctx.props.detailPath, ctx.props.param, id);
  await emailUser(ctx, 'action-confirmation', {
    heading: `We received your case ${number}`,
    message: `Thank you for getting in touch. Your case “${ctx.input.subject}” has the number ${number}. We will reply soon; you can follow the case and add messages in the portal.`,
    link: `${ctx.portalUrl}${path ?? '/'}`,
  });
  return { ok: true, message: `Case ${number} is open. We will get back to you soon.`, recordId: id, ...(path ? { redirect: path } : {}) };
};

const commentOnCase: ActionHandler<CasesProps, z.output<typeof commentInput>> = async (ctx) => {
  if (ctx.props.mode !== 'detail') throw new TRPCError({ code: 'NOT_FOUND', message: 'This block shows no case to reply on.' });
  const caseType = await requireType(ctx.trx, ctx.props.entityType);
  const caseId = ctx.params[ctx.props.param];
  if (!caseId) throw notFound(caseType);
  await readInScope(ctx, caseType.key, caseId);
  const stored = await storedData(ctx.trx, caseId);
  const commentType = await requireType(ctx.trx, ctx.props.commentType);
  const data: RecordData = { body: ctx.input.body, authorName: ctx.user.name, fromCustomer: true, case: caseId };
  const caseAccount = linkField(caseType.accountLink);
  // The message belongs where the case belongs (so the case's readers see it), written by this user.
  const links = ownerLinks(ctx, commentType, caseAccount ? stored[caseAccount] : undefined);
  const id = await writeAsAction(ctx, commentType.key, { mode: 'create', data: knownFields(commentType, { ...data, ...links }, ['body', 'case']) });
  await auditAction(ctx, `${caseType.key}/${caseId}`, 'Comment added', { comment: id });
  return { ok: true, message: 'Your message was sent.', recordId: id };
};

// ---------------------------------------------------------------------------------------------
// Team.

type Member = { id: string; name: string; email: string; status: 'invited' | 'active' | 'disabled'; contact_id: string | null; password_hash: string | null };

/** The roles named, each one the user may give; else the role named as the problem. */
async function rolesToGive(ctx: Ctx, keys: readonly string[]): Promise<{ id: string; key: string; name: string }[]> {
  const wanted = [...new Set(keys)];
  const assignable = await assignableRoles(ctx.trx, ctx.portal.id, ctx.principal);
  const missing = wanted.filter((k) => !assignable.some((r) => r.key === k));
  if (missing.length) {
    const known = missing.length ? await ctx.trx.selectFrom('portal_roles').select(['key', 'name', 'is_default']).where('portal_id', '=', ctx.portal.id).where('key', 'in', missing).execute() : [];
    const unknown = missing.filter((k) => !known.some((r) => r.key === k));
    if (unknown.length) throw new FieldIssuesError(`No such role: ${unknown.join(', ')}.`, [{ field: 'roles', message: `No such role: ${unknown.join(', ')}.` }]);
    const role = known[0]!;
    const message = role.is_default
      ? `Everybody has the role “${role.name}” already; it cannot be given.`
      : `You cannot give the role “${role.name}”: it allows more than your own roles do.`;
    throw new FieldIssuesError(message, [{ field: 'roles', message }], 'FORBIDDEN');
  }
  return assignable.filter((r) => wanted.includes(r.key));
}

/** A portal user of the viewer's company (not someone else's: NOT_FOUND), never the viewer themself. */
async function colleague(ctx: Ctx, userId: string, selfMessage: string): Promise<Member> {
  if (userId === ctx.user.id) throw new TRPCError({ code: 'FORBIDDEN', message: selfMessage });
  const team = await teamUserIds(ctx.trx, ctx.portal.id, ctx.principal);
  const row = team.includes(userId)
    ? await ctx.trx.selectFrom('portal_users').select(['id', 'name', 'email', 'status', 'contact_id', 'password_hash']).where('portal_id', '=', ctx.portal.id).where('id', '=', userId).executeTakeFirst()
    : undefined;
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such colleague in your company.' });
  return row;
}

/** A colleague holding a role beyond the viewer's grants is managed by customer service, not by them. */
async function refuseIfOutranks(ctx: Ctx, member: Member): Promise<void> {
  const beyond = (await memberRoles(ctx.trx, ctx.portal.id, member.id)).find((r) => !grantsCover(ctx.principal.grants, r.grants));
  if (beyond) throw new TRPCError({ code: 'FORBIDDEN', message: `${member.name} has the role “${beyond.name}”, which allows more than your own roles do: only customer service can change their access.` });
}

const memberTarget = (member: { contact_id: string | null }) => (member.contact_id ? `${CONTACT}/${member.contact_id}` : null);

/** A contact of the company with this email that no user of this portal has yet, or a new one. */
async function contactFor(ctx: Ctx, accountId: string, name: string, email: string): Promise<string> {
  const existing = await queryRecords(
    ctx.trx,
    { type: CONTACT, fields: [], limit: 20, filters: [{ field: 'email', op: 'eq', value: email }, { field: CONTACT_ACCOUNTS, op: 'has', value: accountId }] },
    { scope: { kind: 'all' }, readable: 'all' },
  );
  const ids = existing.items.map((r) => r.id);
  if (ids.length) {
    const linked = await ctx.trx.selectFrom('portal_users').select('contact_id').where('portal_id', '=', ctx.portal.id).where('contact_id', 'in', ids).execute();
    const free = ids.find((id) => !linked.some((l) => l.contact_id === id));
    if (free) return free;
  }
  return writeAsAction(ctx, CONTACT, { mode: 'create', data: { name, email, [CONTACT_ACCOUNTS]: [accountId] } });
}

const invite: ActionHandler<TeamProps, z.output<typeof inviteInput>> = async (ctx) => {
  const accountId = companyOf(ctx);
  const email = normalizeEmail(ctx.input.email);
  const taken = await ctx.trx.selectFrom('portal_users').select('id').where('portal_id', '=', ctx.portal.id).where('email', '=', email).executeTakeFirst();
  if (taken) throw new TRPCError({ code: 'CONFLICT', message: `${email} has a user in this portal already: nobody was invited.` });
  const roles = await rolesToGive(ctx, ctx.input.roles);
  const contactId = await contactFor(ctx, accountId, ctx.input.name, email);
  const id = newRowId();
  const at = now();
  await ctx.trx
    .insertInto('portal_users')
    .values({ id, portal_id: ctx.portal.id, email, name: ctx.input.name, status: 'invited', contact_id: contactId, password_hash: null, email_confirmed_at: null, created_at: at, updated_at: at, last_login_at: null })
    .execute();
  if (roles.length) await ctx.trx.insertInto('portal_user_roles').values(roles.map((r) => ({ user_id: id, role_id: r.id }))).execute();
  await createInvitation(ctx.trx, { portalId: ctx.portal.id, userId: id, baseUrl: ctx.portalUrl });
  await auditAction(ctx, `${CONTACT}/${contactId}`, `${ctx.input.name} invited to the portal`, { userId: id, roles: roles.map((r) => r.key) });
  return { ok: true, message: `Invitation sent to ${email}.` };
};

const setRoles: ActionHandler<TeamProps, z.output<typeof setRolesInput>> = async (ctx) => {
  const member = await colleague(ctx, ctx.input.userId, 'You cannot change your own roles.');
  const wanted = await rolesToGive(ctx, ctx.input.roles);
  const assignable = await assignableRoles(ctx.trx, ctx.portal.id, ctx.principal);
  const before = await memberRoles(ctx.trx, ctx.portal.id, member.id);
  // Roles the viewer could not give stay as they are: they manage only what they could hand out.
  const kept = before.filter((r) => !assignable.some((a) => a.id === r.id));
  const after = [...kept, ...wanted.filter((w) => !kept.some((k) => k.id === w.id))];
  await ctx.trx.deleteFrom('portal_user_roles').where('user_id', '=', member.id).execute();
  if (after.length) await ctx.trx.insertInto('portal_user_roles').values(after.map((r) => ({ user_id: member.id, role_id: r.id }))).execute();
  await ctx.trx.updateTable('portal_users').set({ updated_at: now() }).where('id', '=', member.id).where('portal_id', '=', ctx.portal.id).execute();
  await auditAction(ctx, memberTarget(member), `Roles of ${member.name} changed`, { userId: member.id, before: before.map((r) => r.key).sort(), after: after.map((r) => r.key).sort() });
  return { ok: true, message: `Roles of ${member.name} saved. They apply from their next click.` };
};

const disable: ActionHandler<TeamProps, z.output<typeof memberInput>> = async (ctx) => {
  const member = await colleague(ctx, ctx.input.userId, 'You cannot disable your own access.');
  await refuseIfOutranks(ctx, member);
  if (member.status === 'disabled') return { ok: true, message: `${member.name}’s access is disabled already.` };
  const at = now();
  await ctx.trx.updateTable('portal_users').set({ status: 'disabled', updated_at: at }).where('id', '=', member.id).where('portal_id', '=', ctx.portal.id).execute();
  await revokeUserSessions(ctx.trx, member.id);
  // An invitation or reset link still in a mailbox must not let a disabled user back in.
  await ctx.trx.updateTable('portal_tokens').set({ used_at: at }).where('user_id', '=', member.id).where('used_at', 'is', null).execute();
  await auditAction(ctx, memberTarget(member), `Access disabled for ${member.name}`, { userId: member.id });
  return { ok: true, message: `${member.name} is signed out and can no longer sign in.` };
};

const enable: ActionHandler<TeamProps, z.output<typeof memberInput>> = async (ctx) => {
  const member = await colleague(ctx, ctx.input.userId, 'You cannot enable your own access.');
  await refuseIfOutranks(ctx, member);
  if (member.status !== 'disabled') return { ok: true, message: `${member.name} has access already.` };
  const status = member.password_hash ? 'active' : 'invited';
  await ctx.trx.updateTable('portal_users').set({ status, updated_at: now() }).where('id', '=', member.id).where('portal_id', '=', ctx.portal.id).execute();
  // Disabling voided their invitation link: someone who never signed in gets a new one.
  if (status === 'invited') await createInvitation(ctx.trx, { portalId: ctx.portal.id, userId: member.id, baseUrl: ctx.portalUrl });
  await auditAction(ctx, memberTarget(member), `Access enabled for ${member.name}`, { userId: member.id, status });
  return { ok: true, message: status === 'active' ? `${member.name} can sign in again.` : `${member.name} can sign in again: a new invitation is on its way.` };
};

// ---------------------------------------------------------------------------------------------
// Payment methods.

async function paymentType(ctx: Ctx, key: string): Promise<EntityType & { accountLink: string }> {
  const type = await requireType(ctx.trx, key);
  if (!linkField(type.accountLink)) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: `The type “${type.label.singular}” has no link to an account.` });
  return type as EntityType & { accountLink: string };
}

/** A payment method within the user's read scope *and* of one of their accounts; else NOT_FOUND. */
async function ownMethod(ctx: Ctx, type: EntityType & { accountLink: string }, id: string): Promise<{ accountId: string; data: RecordData }> {
  await readInScope(ctx, type.key, id);
  const data = await storedData(ctx.trx, id);
  const accountId = data[type.accountLink];
  if (typeof accountId !== 'string' || !ctx.principal.data.accountIds.includes(accountId)) throw notFound(type);
  return { accountId, data };
}

/** The account's payment methods, oldest first (every one of them, whatever the user's read level). */
async function methodsOf(ctx: Ctx, type: EntityType & { accountLink: string }, accountId: string) {
  const page = await queryRecords(
    ctx.trx,
    { type: type.key, fields: ['isDefault'], sort: [{ field: 'createdAt', dir: 'asc' }], limit: 200, filters: [{ field: type.accountLink, op: 'eq', value: accountId }] },
    { scope: { kind: 'all' }, readable: 'all' },
  );
  return page.items.map((r) => ({ id: r.id, isDefault: r.data.isDefault === true }));
}

/** Sets which method is the account's default: the action's decision, written within that account only. */
async function markDefault(ctx: Ctx, type: EntityType & { accountLink: string }, accountId: string, defaultId: string | null): Promise<void> {
  const scope: Scope = { kind: 'some', terms: [{ kind: 'link', field: type.accountLink, ids: [accountId] }] };
  for (const m of await methodsOf(ctx, type, accountId)) {
    const want = m.id === defaultId;
    if (m.isDefault === want) continue;
    const r = await applyWrite(ctx.trx, ctx.actor, type, { mode: 'patch', id: m.id, data: { isDefault: want } }, { scope, editable: new Set(['isDefault']), internal: false, createdByUser: ctx.user.id, read: { scope, readable: 'all' } });
    if (!r.ok) throw new FieldIssuesError(`Not saved: ${r.issues.map((i) => i.message).join('; ')}`, r.issues);
  }
}

const addSepa: ActionHandler<PaymentMethodsProps, z.output<typeof addSepaInput>> = async (ctx) => {
  const problem = ibanProblem(ctx.input.iban);
  if (problem) throw new FieldIssuesError(problem, [{ field: 'iban', message: problem }]);
  const type = await paymentType(ctx, ctx.props.entityType);
  const accountId = companyOf(ctx);
  const masked = maskIban(ctx.input.iban);
  const first = !(await methodsOf(ctx, type, accountId)).some((m) => m.isDefault);
  const data: RecordData = { label: ctx.input.label || 'SEPA direct debit', kind: 'sepa', holder: ctx.input.holder, masked, isDefault: first, [type.accountLink]: accountId };
  const id = await writeAsAction(ctx, type.key, { mode: 'create', data: knownFields(type, data, ['masked']) });
  await auditAction(ctx, `${type.key}/${id}`, 'Bank account added for SEPA direct debit', { masked });
  await emailUser(ctx, 'action-confirmation', {
    heading: 'A bank account was added',
    message: `The bank account ${masked} (${ctx.input.holder}) was added as a payment method${first ? ' and is now your default' : ''}. If you did not do this, please contact us at once.`,
    link: `${ctx.portalUrl}/`,
  });
  return { ok: true, message: `Bank account ${masked} added${first ? ' as your default payment method' : ''}.`, recordId: id };
};

const removeMethod: ActionHandler<PaymentMethodsProps, z.output<typeof methodInput>> = async (ctx) => {
  const type = await paymentType(ctx, ctx.props.entityType);
  const { accountId, data } = await ownMethod(ctx, type, ctx.input.id);
  // The method is the user's company's (ownMethod): deleted as the action, kept while payments link to it.
  await deleteInTx(ctx.trx, ctx.actor, type, ctx.input.id, { kind: 'all' }, { nameLinks: false });
  // Exactly one default per account while it has any method: the oldest remaining one takes over.
  if (data.isDefault === true) await markDefault(ctx, type, accountId, (await methodsOf(ctx, type, accountId))[0]?.id ?? null);
  await auditAction(ctx, `${type.key}/${ctx.input.id}`, 'Payment method removed', { masked: data.masked ?? null });
  return { ok: true, message: `${typeof data.label === 'string' ? data.label : 'The payment method'} was removed.` };
};

const setDefaultMethod: ActionHandler<PaymentMethodsProps, z.output<typeof methodInput>> = async (ctx) => {
  const type = await paymentType(ctx, ctx.props.entityType);
  const { accountId, data } = await ownMethod(ctx, type, ctx.input.id);
  await markDefault(ctx, type, accountId, ctx.input.id);
  await auditAction(ctx, `${type.key}/${ctx.input.id}`, 'Made the default payment method');
  return { ok: true, message: `${typeof data.label === 'string' ? data.label : 'This payment method'} is now your default.` };
};

// ---------------------------------------------------------------------------------------------
// Company details and preferences.

/** Writes some fields of the user's own account, each one their role may read, after the named action was checked. */
async function saveAccountFields(ctx: Ctx, fields: RecordData, summary: string): Promise<void> {
  const accountId = companyOf(ctx);
  const { type } = await readInScope(ctx, ACCOUNT, accountId);
  const { readable } = fieldsFor(ctx.principal.grants, type);
  const hidden = Object.keys(fields).filter((k) => !readable.has(k));
  if (hidden.length) throw new FieldIssuesError(`You may not change ${hidden.join(', ')}.`, hidden.map((field) => ({ field, message: 'Your role may not change this field.' })), 'FORBIDDEN');
  if (!Object.keys(fields).length) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Nothing to save.' });
  await writeAsAction(ctx, type.key, { mode: 'patch', id: accountId, data: fields });
  await auditAction(ctx, `${type.key}/${accountId}`, summary, { fields: Object.keys(fields) });
}

type AccountSettingsProps = z.output<typeof accountSettingsProps>;

const saveContact: ActionHandler<AccountSettingsProps, z.output<typeof saveContactInput>> = async (ctx) => {
  const fields: RecordData = {};
  if (ctx.input.email !== undefined) fields.email = ctx.input.email.trim();
  if (ctx.input.phone !== undefined) fields.phone = ctx.input.phone.trim();
  await saveAccountFields(ctx, fields, 'Contact details changed');
  return { ok: true, message: 'Contact details saved.' };
};

const saveBilling: ActionHandler<AccountSettingsProps, z.output<typeof saveBillingInput>> = async (ctx) => {
  const parts = Object.entries(ctx.input.billingAddress ?? {}).filter(([, v]) => typeof v === 'string' && v.trim() !== '');
  await saveAccountFields(ctx, { billingAddress: parts.length ? Object.fromEntries(parts) : null }, 'Billing address changed');
  return { ok: true, message: 'Billing address saved.' };
};

const savePreferences: ActionHandler<z.output<typeof notificationPreferencesProps>, z.output<typeof savePreferencesInput>> = async (ctx) => {
  const before = await preferencesOf(ctx.trx, ctx.user.id);
  const given = Object.fromEntries(Object.entries(ctx.input.values).filter((e): e is [string, boolean] => typeof e[1] === 'boolean'));
  const values = { ...before, ...given };
  await writePreferences(ctx.trx, ctx.portal.id, ctx.user.id, values);
  await auditAction(ctx, ctx.user.contactId ? `${CONTACT}/${ctx.user.contactId}` : null, 'Notification preferences changed', { values: given });
  return { ok: true, message: 'Your notification preferences are saved.' };
};

export const accountHandlers: HandlerTable = {
  'cases.create': createCase,
  'cases.comment': commentOnCase,
  'team.invite': invite,
  'team.setRoles': setRoles,
  'team.disable': disable,
  'team.enable': enable,
  'payment-methods.add': addSepa,
  'payment-methods.remove': removeMethod,
  'payment-methods.setDefault': setDefaultMethod,
  'account-settings.saveContact': saveContact,
  'account-settings.saveBilling': saveBilling,
  'notification-preferences.save': savePreferences,
};
