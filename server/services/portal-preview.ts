// "Preview as" (DESIGN.md section 2): a portal page exactly as a role, a portal user or a signed-out
// visitor receives it. The viewer comes from the same functions the runtime uses for a request
// (principalForRole, principalForUser), and the page from the same payload builder and block filter
// (server/published/page-payload.ts), so what the admin sees is what leaves the server. On top of
// that, the preview says what was left out and why: each hidden block and page with its reason.
import { TRPCError } from '@trpc/server';
import type { Kysely } from 'kysely';
import {
  anonymousViewer,
  decideVisibility,
  findNode,
  normalizePath,
  pickText,
  type HiddenReason,
  type PagePayload,
  type PortalDocument,
  type Viewer,
} from '../../core';
import { getBlock } from '../../blocks';
import type { Db } from '../db/database';
import type { DB } from '../db/schema';
import { loadPageData } from '../published/block-data';
import { buildPagePayload, payloadUser } from '../published/page-payload';
import { portalBySlug } from '../published/resolve-portal';
import { loadPublishedVersion, type PreparedVersion } from '../published/version-cache';
import { readStoredDocument } from './documents';
import { findType } from './entity-types';
import { principalForRole, principalForUser, type PortalPrincipal } from './portal-grants';
import { requirePortalRow } from './portal-roles';
import { sanitizeDocument } from './sanitize';

export type PreviewAs = { role: string } | { user: string } | { visitor: true };
export type PreviewSource = 'draft' | 'published';

export type HiddenItem = { id: string; reason: HiddenReason; message: string };
export type PreviewResult = {
  payload: PagePayload;
  source: PreviewSource;
  /** Who the page was built for, in words, and the role keys they hold (default roles included). */
  viewer: { kind: 'role' | 'user' | 'visitor'; label: string; roles: { key: string; name: string }[]; note: string | null };
  /** The topmost hidden blocks of the page (a hidden block hides its children too). */
  hiddenBlocks: (HiddenItem & { type: string; label: string; title: string | null })[];
  /** Pages of the portal this viewer cannot open, and why. */
  hiddenPages: (HiddenItem & { path: string; title: string })[];
};

const OP_WORDS = { read: 'read', create: 'create', edit: 'edit', delete: 'delete' } as const;

/** A reason as the builder shows it: "signed-in only", "needs the role Accountant or Viewer", "needs read on Invoices". */
async function describeReason(db: Kysely<DB>, reason: HiddenReason, roleNames: Map<string, string>): Promise<string> {
  switch (reason.kind) {
    case 'audience':
      return 'signed-in only';
    case 'roles': {
      const names = reason.roles.map((k) => (roleNames.has(k) ? roleNames.get(k)! : `"${k}" (no such role)`));
      return `needs the role ${names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0]}`;
    }
    case 'requires': {
      const r = reason.requirement;
      if ('action' in r) return `needs the action ${r.action}`;
      const type = await findType(db, r.entity);
      return `needs ${OP_WORDS[r.op]} on ${type ? type.label.plural : r.entity}`;
    }
  }
}

/** A short text that tells blocks of one type apart in the list: their title, heading or label prop. */
function titleOf(props: Record<string, unknown>): string | null {
  for (const key of ['title', 'text', 'label', 'heading', 'eyebrow']) {
    const v = props[key];
    const text = typeof v === 'string' ? v : v && typeof v === 'object' ? Object.values(v as Record<string, unknown>).find((x) => typeof x === 'string') : undefined;
    if (typeof text === 'string' && text.trim()) return text.trim().length > 80 ? `${text.trim().slice(0, 79)}…` : text.trim();
  }
  return null;
}

async function loadVersion(db: Db, portalId: string, source: PreviewSource, publishedVersionId: string | null): Promise<PreparedVersion> {
  if (source === 'published') {
    if (!publishedVersionId) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'This portal has not been published yet: preview the draft instead.' });
    return loadPublishedVersion(db, publishedVersionId);
  }
  const draft = await db.selectFrom('portal_drafts').select(['document', 'revision']).where('portal_id', '=', portalId).executeTakeFirst();
  if (!draft) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such portal.' });
  // The same preparation a published version gets before it is rendered.
  return { id: `draft@${draft.revision}`, document: sanitizeDocument(readStoredDocument(draft.document)) };
}

type Principal = { viewer: Viewer; data: PortalPrincipal | null; kind: PreviewResult['viewer']['kind']; label: string; note: string | null; user: PagePayload['user'] };

async function principalOf(db: Db, portalId: string, as: PreviewAs): Promise<Principal> {
  if ('visitor' in as) return { viewer: anonymousViewer, data: null, kind: 'visitor', label: 'A visitor who is not signed in', note: null, user: null };
  if ('role' in as) {
    const p = await principalForRole(db, portalId, as.role);
    if (!p) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such role in this portal.' });
    const role = await db.selectFrom('portal_roles').select('name').where('portal_id', '=', portalId).where('id', '=', as.role).executeTakeFirstOrThrow();
    return { viewer: p.viewer, data: p, kind: 'role', label: `A user with the role ${role.name}`, note: null, user: { firstName: 'Jane', lastName: 'Doe', email: 'jane.doe@example.com' } };
  }
  const user = await db
    .selectFrom('portal_users')
    .select(['id', 'email', 'name', 'status', 'contact_id'])
    .where('portal_id', '=', portalId)
    .where('id', '=', as.user)
    .executeTakeFirst();
  if (!user) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such user in this portal.' });
  const p = await principalForUser(db, portalId, { id: user.id, contactId: user.contact_id });
  const note =
    user.status === 'disabled'
      ? 'This user is disabled and cannot sign in: this is what they would see if enabled.'
      : user.status === 'invited'
        ? 'This user has not accepted their invitation yet: this is what they will see once they do.'
        : null;
  return { viewer: p.viewer, data: p, kind: 'user', label: `${user.name} (${user.email})`, note, user: payloadUser(user) };
}

export async function previewPage(db: Db, input: { portalId: string; path: string; as: PreviewAs; source: PreviewSource }): Promise<PreviewResult> {
  const row = await requirePortalRow(db, input.portalId);
  const portal = await portalBySlug(db, row.slug);
  if (!portal) throw new TRPCError({ code: 'PRECONDITION_FAILED', message: 'An archived portal cannot be previewed.' });
  const path = normalizePath(input.path);
  if (!path) throw new TRPCError({ code: 'BAD_REQUEST', message: `"${input.path}" is not a valid page path.` });
  const [version, principal, roles] = await Promise.all([
    loadVersion(db, portal.id, input.source, portal.publishedVersionId),
    principalOf(db, portal.id, input.as),
    db.selectFrom('portal_roles').select(['key', 'name']).where('portal_id', '=', portal.id).orderBy('created_at').execute(),
  ]);
  const roleNames = new Map(roles.map((r) => [r.key, r.name]));
  const built = buildPagePayload(version, portal, path, principal.viewer, principal.user);
  const { hidden } = built;
  // The records the previewed user (or role, without a contact: no own/contact/account records) would see.
  const payload = built.payload.status === 200 ? { ...built.payload, ...(await loadPageData({ db, principal: principal.data, portalId: portal.id, params: built.payload.page.params }, built.payload.page.blocks)) } : built.payload;
  const doc: PortalDocument = version.document;
  const page = doc.pages.find((p) => p.id === payload.page.id);

  const hiddenBlocks = await Promise.all(
    hidden.map(async (h) => {
      const node = page ? findNode(page.blocks, h.id)?.node : undefined;
      return {
        id: h.id,
        type: h.type,
        label: getBlock(h.type)?.label ?? h.type,
        title: node ? titleOf(node.props) : null,
        reason: h.reason,
        message: await describeReason(db, h.reason, roleNames),
      };
    }),
  );
  const hiddenPages: PreviewResult['hiddenPages'] = [];
  for (const p of doc.pages) {
    const d = decideVisibility(p.visibility, [], principal.viewer);
    if (!d.visible) hiddenPages.push({ id: p.id, path: p.path, title: pickText(p.title, portal.defaultLocale), reason: d.reason, message: await describeReason(db, d.reason, roleNames) });
  }
  return {
    payload,
    source: input.source,
    viewer: {
      kind: principal.kind,
      label: principal.label,
      roles: principal.viewer.roles.map((key) => ({ key, name: roleNames.get(key) ?? key })),
      note: principal.note,
    },
    hiddenBlocks,
    hiddenPages,
  };
}
