// Published versions are immutable, so each is parsed, validated and sanitized once and kept in
// memory by version id. Publishing or rolling back changes the portal's version id, which the next
// request reads: no invalidation needed.
import type { PortalDocument } from '../../core';
import type { Db } from '../db/database';
import { readStoredDocument } from '../services/documents';
import { sanitizeDocument } from '../services/sanitize';

export type PreparedVersion = { id: string; document: PortalDocument };

const MAX_CACHED = 64;
const cache = new Map<string, Promise<PreparedVersion>>();

export function loadPublishedVersion(db: Db, versionId: string): Promise<PreparedVersion> {
  const hit = cache.get(versionId);
  if (hit) {
    cache.delete(versionId);
    cache.set(versionId, hit);
    return hit;
  }
  const loading = (async () => {
    const row = await db.selectFrom('portal_versions').select(['id', 'document']).where('id', '=', versionId).executeTakeFirstOrThrow();
    return { id: row.id, document: sanitizeDocument(readStoredDocument(row.document)) };
  })();
  cache.set(versionId, loading);
  loading.catch(() => cache.delete(versionId));
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return loading;
}
