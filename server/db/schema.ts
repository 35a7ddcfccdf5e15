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

export interface PortalRolesTable {
  id: string;
  portal_id: string;
  key: string;
  name: string;
  description: string;
  /** RoleGrants (core/access/roles.ts) as JSON. */
  grants: string;
  is_default: number;
  revision: number;
  created_at: string;
  updated_at: string;
}

export type PortalUserStatus = 'invited' | 'active' | 'disabled';

export interface PortalUsersTable {
  id: string;
  portal_id: string;
  email: string;
  name: string;
  status: PortalUserStatus;
  contact_id: string | null;
  password_hash: string | null;
  email_confirmed_at: string | null;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
  /** JSON: notification topic → on/off. */
  preferences: Generated<string>;
}

export interface ActionRunsTable {
  portal_id: string;
  user_id: string;
  idem_key: string;
  request_hash: string;
  outcome: string;
  created_at: string;
}

export interface PortalUserRolesTable {
  user_id: string;
  role_id: string;
}

export interface PortalSessionsTable {
  id_hash: string;
  portal_id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export type PortalTokenPurpose = 'invite' | 'confirm-email' | 'reset-password' | 'magic-link';

export interface PortalTokensTable {
  id_hash: string;
  portal_id: string;
  user_id: string;
  purpose: PortalTokenPurpose;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'kept';

export interface OutboxTable {
  id: string;
  portal_id: string | null;
  kind: 'email' | 'webhook';
  /** For emails: { to, subject, text, html, template }. */
  payload: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
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
  portal_roles: PortalRolesTable;
  portal_users: PortalUsersTable;
  portal_user_roles: PortalUserRolesTable;
  portal_sessions: PortalSessionsTable;
  portal_tokens: PortalTokensTable;
  outbox: OutboxTable;
  action_runs: ActionRunsTable;
}

export type Admin = Selectable<AdminsTable>;
export type PortalRow = Selectable<PortalsTable>;
export type AssetRow = Selectable<AssetsTable>;
export type RecordRow = Selectable<RecordsTable>;
export type FileRow = Selectable<FilesTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type PortalRoleRow = Selectable<PortalRolesTable>;
export type PortalUserRow = Selectable<PortalUsersTable>;
export type OutboxRow = Selectable<OutboxTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;
