// Table types for Kysely. Timestamps are ISO-8601 text and booleans 0/1 integers, the same on
// SQLite and Postgres, so one set of queries serves both.
import type { Generated, Insertable, Selectable } from 'kysely';

export type AdminRole = 'owner' | 'admin' | 'designer';

export interface AdminsTable {
  id: string;
  email: string;
  name: string;
  role: AdminRole;
  password_hash: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface AdminSessionsTable {
  id_hash: string;
  admin_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface AuthThrottleTable {
  key: string;
  failures: number;
  window_started_at: string;
  blocked_until: string | null;
}

export interface PortalsTable {
  id: string;
  slug: string;
  name: string;
  active: number;
  is_default: number;
  archived_at: string | null;
  published_version_id: string | null;
  settings: string;
  created_at: string;
  updated_at: string;
}

export interface PortalDomainsTable {
  domain: string;
  portal_id: string;
  created_at: string;
}

export interface PortalDraftsTable {
  portal_id: string;
  document: string;
  revision: number;
  updated_at: string;
  updated_by: string | null;
}

export interface PortalVersionsTable {
  id: string;
  portal_id: string;
  number: number;
  document: string;
  note: string;
  draft_revision: number;
  created_at: string;
  created_by: string | null;
}

export type ActorType = 'admin' | 'system' | 'portal-user' | 'api-key';

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_type: ActorType;
  actor_id: string | null;
  portal_id: string | null;
  action: string;
  target: string | null;
  details: string;
}

export interface AssetsTable {
  id: string;
  portal_id: string | null;
  file_name: string;
  original_name: string;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  sha256: string;
  created_at: string;
  created_by: string | null;
}

export interface EntityTypesTable {
  key: string;
  /** The EntityType as JSON. */
  definition: string;
  built_in: number;
  revision: number;
  created_at: string;
  updated_at: string;
}

export interface RecordsTable {
  id: string;
  type: string;
  external_id: string | null;
  /** JSON text on SQLite; jsonb (read back as an object) on Postgres. */
  data: string | Record<string, unknown>;
  title: string;
  created_by_user: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  revision: number;
}

export interface RecordRefsTable {
  record_id: string;
  field: string;
  target_id: string;
}

export interface FilesTable {
  id: string;
  storage_name: string;
  name: string;
  mime: string;
  bytes: number;
  sha256: string;
  created_at: string;
  created_by: string | null;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  /** JSON array of scopes. */
  scopes: string;
  created_at: string;
  created_by: string | null;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface DB {
  admins: AdminsTable;
  admin_sessions: AdminSessionsTable;
  auth_throttle: AuthThrottleTable;
  portals: PortalsTable;
  portal_domains: PortalDomainsTable;
  portal_drafts: PortalDraftsTable;
  portal_versions: PortalVersionsTable;
  audit_log: AuditLogTable;
  assets: AssetsTable;
  entity_types: EntityTypesTable;
  records: RecordsTable;
  record_refs: RecordRefsTable;
  files: FilesTable;
  api_keys: ApiKeysTable;
}

export type Admin = Selectable<AdminsTable>;
export type PortalRow = Selectable<PortalsTable>;
export type AssetRow = Selectable<AssetsTable>;
export type RecordRow = Selectable<RecordsTable>;
export type FileRow = Selectable<FilesTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;
