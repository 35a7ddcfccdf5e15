// A record's history for the timeline block: its creation, its changes (which fields, never their
// values) and the portal actions taken on it, read from the append-only audit log. Only for a
// record within the viewer's read scope, naming only fields they may read; other portal users
// appear by name only when they belong to the same portal, staff as the organisation.
import type { Kysely } from 'kysely';
import { fieldsFor, type TimelineResult } from '../../core';
import type { DB } from '../db/schema';
import { findType } from './entity-types';
import { recordAccessFor, type PortalPrincipal } from './portal-grants';
import { findRecord } from './record-query';

type Details = { fields?: unknown; summary?: unknown };

export async function timelineOf(db: Kysely<DB>, principal: PortalPrincipal | null, portalId: string, typeKey: string, id: string | null, limit: number): Promise<TimelineResult> {
  const empty: TimelineResult = { kind: 'timeline', entityType: typeKey, entries: [], found: false };
  const type = await findType(db, typeKey);
  if (!type || !principal || !id) return empty;
  if (!(await findRecord(db, type.key, id, recordAccessFor(principal, type), []))) return empty;
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('portal_users as u', (j) => j.onRef('u.id', '=', 'a.actor_id').on('a.actor_type', '=', 'portal-user'))
    .select(['a.at', 'a.actor_type', 'a.actor_id', 'a.action', 'a.details', 'a.portal_id', 'u.name', 'u.portal_id as user_portal'])
    .where('a.target', '=', `${type.key}/${id}`)
    .orderBy('a.id', 'desc')
    .limit(Math.min(Math.max(limit, 1), 100))
    .execute();
  const { readable } = fieldsFor(principal.grants, type);
  const labelOf = (key: string) => type.fields.find((f) => f.key === key)?.label ?? key;
  return {
    kind: 'timeline',
    entityType: type.key,
    found: true,
    entries: rows.map((r) => {
      const details = safeJson(r.details);
      const fields = Array.isArray(details.fields) ? details.fields.filter((k): k is string => typeof k === 'string' && readable.has(k)).map(labelOf) : [];
      let summary: string;
      if (r.action === 'record.create') summary = `${type.label.singular} created`;
      else if (r.action === 'record.update') summary = fields.length ? `Changed ${fields.join(', ')}` : `${type.label.singular} updated`;
      else if (typeof details.summary === 'string') summary = details.summary;
      else summary = r.action;
      const actor =
        r.actor_type === 'portal-user'
          ? r.actor_id === principal.userId
            ? 'You'
            : r.name && r.user_portal === portalId
              ? r.name
              : 'A portal user'
          : 'Customer service';
      return { at: r.at, actor, summary, fields };
    }),
  };
}

function safeJson(raw: string): Details {
  try {
    const v = JSON.parse(raw) as unknown;
    return typeof v === 'object' && v !== null ? (v as Details) : {};
  } catch {
    return {};
  }
}
