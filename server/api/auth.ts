// Who calls the integration API: an API key sent as `Authorization: Bearer pk_…`, and what its
// scopes let it read and write. Cookies are never read here, so a browser cannot be tricked into
// making an authenticated cross-site request: CSRF protection does not apply to this API.
import type { Request } from 'express';
import { portalFields, type EntityType } from '../../core';
import type { Db } from '../db/database';
import { authenticateApiKey, type ApiKeyPrincipal, type ApiScope } from '../services/api-keys';
import type { RecordAccess } from '../services/record-query';
import type { WriteAccess } from '../services/records';
import type { Actor } from '../services/record-store';
import { ApiError } from './problem';

const REALM = 'Bearer realm="portico-api"';
/** A header value is Latin-1 at best (node throws on more): keep printable ASCII, drop quotes. */
const quote = (s: string) => s.replace(/[^\x20-\x7e]|["\\]/g, '').replace(/\s+/g, ' ').trim();

function bearerToken(req: Request): string | null {
  const header = req.get('authorization');
  if (!header) return null;
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  if (!m) {
    throw new ApiError('UNAUTHORIZED', 'The Authorization header must be "Bearer <API key>".', {
      'WWW-Authenticate': `${REALM}, error="invalid_request", error_description="use Authorization: Bearer <API key>"`,
    });
  }
  return m[1]!;
}

/** The key of a request, or 401 (no key, or a malformed, unknown, revoked or expired one). */
export async function requireKey(db: Db, req: Request): Promise<ApiKeyPrincipal> {
  const token = bearerToken(req);
  if (!token) throw new ApiError('UNAUTHORIZED', 'Send an API key: Authorization: Bearer pk_…', { 'WWW-Authenticate': REALM });
  const check = await authenticateApiKey(db, token);
  if (!check.ok) throw new ApiError('UNAUTHORIZED', check.message, { 'WWW-Authenticate': `${REALM}, error="invalid_token", error_description="${quote(check.message)}"` });
  return check.key;
}

/** For public routes that say more to a valid key (the OpenAPI document): a bad or missing key is simply no key. */
export async function optionalKey(db: Db, req: Request): Promise<ApiKeyPrincipal | null> {
  try {
    const token = bearerToken(req);
    if (!token) return null;
    const check = await authenticateApiKey(db, token);
    return check.ok ? check.key : null;
  } catch (err) {
    if (err instanceof ApiError) return null;
    throw err;
  }
}

export function requireScope(key: ApiKeyPrincipal, scope: ApiScope): void {
  if (key.scopes.has(scope)) return;
  throw new ApiError(
    'FORBIDDEN',
    `This API key lacks the scope ${scope}; an owner or admin can create a key that has it.`,
    { 'WWW-Authenticate': `${REALM}, error="insufficient_scope", scope="${scope}"` },
    { scope },
  );
}

export const keyActor = (key: ApiKeyPrincipal): Actor => ({ kind: 'api-key', id: key.id });
export const seesInternal = (key: ApiKeyPrincipal): boolean => key.scopes.has('fields:internal');

/** Every record of the type; every field but the internal ones (all with fields:internal); externalId always. */
export function readAccessFor(key: ApiKeyPrincipal, type: EntityType): RecordAccess {
  return { scope: { kind: 'all' }, readable: seesInternal(key) ? 'all' : new Set([...portalFields(type), 'externalId']) };
}

export function writeAccessFor(key: ApiKeyPrincipal, type: EntityType): WriteAccess {
  return { scope: { kind: 'all' }, editable: 'all', internal: seesInternal(key), read: readAccessFor(key, type) };
}
