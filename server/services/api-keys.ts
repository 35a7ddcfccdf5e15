// API keys for the integration API (`/api/v1`): created and revoked by owners and admins, each
// with a list of scopes. The secret is shown once at creation; the database keeps only its SHA-256
// (a 256-bit random secret needs no slow hash: there is nothing to guess), and a request's key is
// found by looking that hash up, so no secret is ever compared in application code.
import { randomBytes } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { newId } from '../../core';
import { hashToken } from '../auth/tokens';
import { writeTx, type Db } from '../db/database';
import { audit } from './audit';

export const API_SCOPES = ['records:read', 'records:write', 'records:delete', 'fields:internal', 'types:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];
export const apiScopeSchema = z.enum(API_SCOPES);

/** What each scope allows, for the builder and the docs. */
export const API_SCOPE_DESCRIPTIONS: Record<ApiScope, string> = {
  'records:read': 'list and read records (internal fields only with fields:internal)',
  'records:write': 'create, change and upsert records, link contacts to accounts',
  'records:delete': 'delete records',
  'fields:internal': 'read and write internal fields (never shown in portals)',
  'types:read': 'read entity type definitions and their JSON Schemas',
};

/** `pk_<8 letters or digits>_<43 base64url characters: 32 random bytes>`. */
const KEY_FORMAT = /^pk_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{43})$/;
/** Writing last_used_at on every request would turn every read into a write; a minute is precise enough. */
const TOUCH_EVERY_MS = 60_000;

export type ApiKeySummary = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiScope[];
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  status: 'active' | 'expired' | 'revoked';
};

export type ApiKeyPrincipal = { id: string; name: string; scopes: ReadonlySet<ApiScope> };

/** Stored scopes, read leniently: a scope this version does not know grants nothing. */
function readScopes(raw: string): ApiScope[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  return Array.isArray(parsed) ? parsed.filter((s): s is ApiScope => apiScopeSchema.safeParse(s).success) : [];
}

function statusOf(row: { revoked_at: string | null; expires_at: string | null }, now: number): ApiKeySummary['status'] {
  if (row.revoked_at) return 'revoked';
  if (row.expires_at && Date.parse(row.expires_at) <= now) return 'expired';
  return 'active';
}

/** Every key, newest first; never the secret nor its hash. */
export async function listApiKeys(db: Db, now = Date.now()): Promise<ApiKeySummary[]> {
  const rows = await db
    .selectFrom('api_keys as k')
    .leftJoin('admins as a', 'a.id', 'k.created_by')
    .select(['k.id', 'k.name', 'k.prefix', 'k.scopes', 'k.created_at', 'a.email', 'k.last_used_at', 'k.expires_at', 'k.revoked_at'])
    .orderBy('k.created_at', 'desc')
    .orderBy('k.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scopes: readScopes(r.scopes),
    createdAt: r.created_at,
    createdBy: r.email ?? null,
    lastUsedAt: r.last_used_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    status: statusOf(r, now),
  }));
}

async function summaryOf(db: Db, id: string): Promise<ApiKeySummary> {
  const found = (await listApiKeys(db)).find((k) => k.id === id);
  if (!found) throw new TRPCError({ code: 'NOT_FOUND', message: 'There is no such API key.' });
  return found;
}

/** Creates a key and returns its secret: the only time it is ever available. */
export async function createApiKey(
  db: Db,
  adminId: string,
  input: { name: string; scopes: readonly ApiScope[]; expiresAt?: string | null },
  now = Date.now(),
): Promise<{ key: ApiKeySummary; secret: string }> {
  if (input.expiresAt && Date.parse(input.expiresAt) <= now) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'expiresAt: the expiry must be in the future.' });
  }
  const id = newId('key');
  // The prefix only identifies a key in lists and logs: letters and digits, so `_` separates the parts.
  const prefix = newId().slice(0, 8);
  const secret = `pk_${prefix}_${randomBytes(32).toString('base64url')}`;
  const scopes = [...new Set(input.scopes)];
  const expiresAt = input.expiresAt ? new Date(input.expiresAt).toISOString() : null;
  await writeTx(db, async (trx) => {
    await trx
      .insertInto('api_keys')
      .values({
        id,
        name: input.name,
        prefix,
        secret_hash: hashToken(secret),
        scopes: JSON.stringify(scopes),
        created_at: new Date(now).toISOString(),
        created_by: adminId,
        last_used_at: null,
        expires_at: expiresAt,
        revoked_at: null,
      })
      .execute();
    await audit(trx, { actor_type: 'admin', actor_id: adminId, portal_id: null, action: 'api-key.create', target: id, details: { name: input.name, prefix, scopes, expiresAt } });
  });
  return { key: await summaryOf(db, id), secret };
}

/** Revokes a key at once; revoking a revoked key changes nothing. */
export async function revokeApiKey(db: Db, adminId: string, id: string): Promise<ApiKeySummary> {
  await writeTx(db, async (trx) => {
    const row = await trx.selectFrom('api_keys').select(['id', 'name', 'revoked_at']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'There is no such API key.' });
    if (row.revoked_at) return;
    await trx.updateTable('api_keys').set({ revoked_at: new Date().toISOString() }).where('id', '=', id).execute();
    await audit(trx, { actor_type: 'admin', actor_id: adminId, portal_id: null, action: 'api-key.revoke', target: id, details: { name: row.name } });
  });
  return summaryOf(db, id);
}

export type KeyCheck = { ok: true; key: ApiKeyPrincipal } | { ok: false; message: string };

/**
 * The key a request presents (the token from `Authorization: Bearer …`), or why it is refused:
 * malformed, unknown, revoked or expired. Records the use at most once a minute per key.
 */
export async function authenticateApiKey(db: Db, token: string, now = Date.now()): Promise<KeyCheck> {
  const m = KEY_FORMAT.exec(token);
  if (!m) return { ok: false, message: 'The API key is malformed; it looks like pk_xxxxxxxx_… as shown when it was created.' };
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'name', 'prefix', 'scopes', 'last_used_at', 'expires_at', 'revoked_at'])
    .where('secret_hash', '=', hashToken(token))
    .executeTakeFirst();
  // The prefix is part of the hashed secret already; comparing it too costs nothing.
  if (!row || row.prefix !== m[1]) return { ok: false, message: 'The API key is not valid.' };
  const status = statusOf(row, now);
  if (status === 'revoked') return { ok: false, message: 'The API key has been revoked.' };
  if (status === 'expired') return { ok: false, message: 'The API key has expired.' };
  if (!row.last_used_at || now - Date.parse(row.last_used_at) >= TOUCH_EVERY_MS) {
    const threshold = new Date(now - TOUCH_EVERY_MS).toISOString();
    // The condition repeats the check in SQL so that concurrent requests (or workers) write once.
    await db
      .updateTable('api_keys')
      .set({ last_used_at: new Date(now).toISOString() })
      .where('id', '=', row.id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', threshold)]))
      .execute();
  }
  return { ok: true, key: { id: row.id, name: row.name, scopes: new Set(readScopes(row.scopes)) } };
}
