// Admin accounts: bootstrap of the first owner, sign-in with throttling, creation by an owner.
import { TRPCError } from '@trpc/server';
import type { Request } from 'express';
import { writeTx, type Db } from '../db/database';
import type { AdminRole } from '../db/schema';
import { createAdminSession, revokeAllSessions, revokeSession } from '../auth/admin-sessions';
import { generatePassword, hashPassword, verifyPassword } from '../auth/password';
import { checkThrottle, clearFailures, recordFailure, type ThrottleKey } from '../auth/throttle';
import { newRowId } from '../auth/tokens';
import { audit } from './audit';

const now = () => new Date().toISOString();

/** Creates the first owner when there is no admin yet. Returns a generated password to print once. */
export async function bootstrapAdmin(db: Db, email: string | undefined, password: string | undefined): Promise<{ email: string; generatedPassword?: string } | null> {
  const existing = await db.selectFrom('admins').select('id').limit(1).executeTakeFirst();
  if (existing) return null;
  const address = email ?? 'admin@portico.local';
  const generated = password ? undefined : generatePassword();
  const hash = await hashPassword(password ?? generated!);
  await writeTx(db, async (trx) => {
    const id = newRowId();
    await trx.insertInto('admins').values({ id, email: address, name: 'Owner', role: 'owner', password_hash: hash, active: 1, created_at: now(), updated_at: now() }).execute();
    await audit(trx, { actor_type: 'system', actor_id: null, portal_id: null, action: 'admin.bootstrap', target: address });
  });
  return { email: address, ...(generated ? { generatedPassword: generated } : {}) };
}

const INVALID = 'Email or password is incorrect.';

/** Signs in: the same answer for an unknown email and a wrong password; throttled per account and address. */
export async function loginAdmin(db: Db, req: Request, email: string, password: string): Promise<{ token: string; adminId: string }> {
  const address = email.toLowerCase();
  const keys: ThrottleKey[] = [
    { key: `admin-acct:${address}`, kind: 'account' },
    { key: `admin-ip:${req.ip ?? 'unknown'}`, kind: 'address' },
  ];
  const throttle = await checkThrottle(db, keys);
  if (!throttle.allowed) {
    throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: `Too many attempts. Try again in ${throttle.retryAfterSeconds} seconds.` });
  }
  const admin = await db.selectFrom('admins').select(['id', 'password_hash', 'active']).where('email', '=', address).executeTakeFirst();
  const ok = await verifyPassword(admin?.active ? admin.password_hash : undefined, password);
  if (!ok || !admin) {
    await writeTx(db, (trx) => recordFailure(trx, keys));
    throw new TRPCError({ code: 'UNAUTHORIZED', message: INVALID });
  }
  const token = await writeTx(db, async (trx) => {
    await clearFailures(trx, keys[0]!.key);
    await audit(trx, { actor_type: 'admin', actor_id: admin.id, portal_id: null, action: 'admin.login', target: null, details: { ip: req.ip } });
    return createAdminSession(trx, admin.id, req);
  });
  return { token, adminId: admin.id };
}

export async function logoutAdmin(db: Db, sessionHash: string): Promise<void> {
  await writeTx(db, (trx) => revokeSession(trx, sessionHash));
}

export type AdminSummary = { id: string; email: string; name: string; role: AdminRole; active: boolean; createdAt: string };

export async function listAdmins(db: Db): Promise<AdminSummary[]> {
  const rows = await db.selectFrom('admins').select(['id', 'email', 'name', 'role', 'active', 'created_at']).orderBy('email').execute();
  return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, role: r.role, active: r.active === 1, createdAt: r.created_at }));
}

export async function createAdmin(db: Db, actorId: string, input: { email: string; name: string; role: AdminRole; password: string }): Promise<AdminSummary> {
  const email = input.email.toLowerCase();
  const hash = await hashPassword(input.password);
  const id = newRowId();
  await writeTx(db, async (trx) => {
    const taken = await trx.selectFrom('admins').select('id').where('email', '=', email).executeTakeFirst();
    if (taken) throw new TRPCError({ code: 'CONFLICT', message: 'An admin with this email exists already.' });
    await trx.insertInto('admins').values({ id, email, name: input.name, role: input.role, password_hash: hash, active: 1, created_at: now(), updated_at: now() }).execute();
    await audit(trx, { actor_type: 'admin', actor_id: actorId, portal_id: null, action: 'admin.create', target: email, details: { role: input.role } });
  });
  return (await listAdmins(db)).find((a) => a.id === id)!;
}

export async function updateAdmin(db: Db, actorId: string, input: { id: string; role?: AdminRole; active?: boolean }): Promise<AdminSummary> {
  await writeTx(db, async (trx) => {
    const row = await trx.selectFrom('admins').select(['id', 'email', 'role', 'active']).where('id', '=', input.id).executeTakeFirst();
    if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such admin.' });
    const demotesOwner = row.role === 'owner' && ((input.role && input.role !== 'owner') || input.active === false);
    if (demotesOwner) {
      const owners = await trx.selectFrom('admins').select('id').where('role', '=', 'owner').where('active', '=', 1).execute();
      if (owners.length <= 1) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'There must always be one active owner.' });
    }
    await trx
      .updateTable('admins')
      .set({ role: input.role ?? row.role, active: input.active === undefined ? row.active : input.active ? 1 : 0, updated_at: now() })
      .where('id', '=', row.id)
      .execute();
    if (input.active === false) await revokeAllSessions(trx, row.id);
    await audit(trx, { actor_type: 'admin', actor_id: actorId, portal_id: null, action: 'admin.update', target: row.email, details: { role: input.role, active: input.active } });
  });
  return (await listAdmins(db)).find((a) => a.id === input.id)!;
}

export async function changeAdminPassword(db: Db, adminId: string, keepSessionHash: string, current: string, next: string): Promise<void> {
  const row = await db.selectFrom('admins').select(['password_hash']).where('id', '=', adminId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, current))) throw new TRPCError({ code: 'BAD_REQUEST', message: 'The current password is incorrect.' });
  const hash = await hashPassword(next);
  await writeTx(db, async (trx) => {
    await trx.updateTable('admins').set({ password_hash: hash, updated_at: now() }).where('id', '=', adminId).execute();
    await revokeAllSessions(trx, adminId, keepSessionHash);
    await audit(trx, { actor_type: 'admin', actor_id: adminId, portal_id: null, action: 'admin.passwordChange', target: null });
  });
}
