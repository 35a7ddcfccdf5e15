// Seeds the demo on an empty database (DESIGN.md section 6; what it contains: docs/demo.md):
// Northwind Energy's entity types (templates/starters/energy-types.ts), the default portal
// "customer" and the partner portal "partner", both published, their roles granted the new types
// as the personas need, the demo records (demo-data.ts) with a PDF per invoice, and five demo
// users — four at the customer "Sunny Side Household", one installer working across three
// customers — all with DEMO_PASSWORD (or a generated password, printed once). Everything goes
// through the services the builder and the API use, so revisions and the audit log are as usual.
import { ACCOUNT, CONTACT, type EntityGrant } from '../../core';
import { demoDocument } from '../../templates/starters/demo';
import { ENERGY_TYPES, T } from '../../templates/starters/energy-types';
import { INSTALLER_GRANTS, PARTNER_REMOVED_ROLES, partnerDocument } from '../../templates/starters/partner';
import { generatePassword, hashPassword } from '../auth/password';
import { newRowId } from '../auth/tokens';
import type { Db } from '../db/database';
import { writeTx } from '../db/database';
import { createType, requireType } from '../services/entity-types';
import { storeFile } from '../services/files';
import { deleteRole, listRoles, updateRole } from '../services/portal-roles';
import { createPortal, publish } from '../services/portals';
import { ADMIN_WRITE, applyWrite } from '../services/records';
import { ReferenceResolver, type Actor } from '../services/record-store';
import { DEMO_IDS, demoRecords, type DemoRecord } from './demo-data';

export const DEMO_PORTALS = [
  { slug: 'customer', name: 'Customer Portal', path: '/portal/' },
  { slug: 'partner', name: 'Northwind Partner Portal', path: '/p/partner/' },
] as const;
type PortalSlug = (typeof DEMO_PORTALS)[number]['slug'];

/** The demo users, the portal each signs in to, the role they hold and their contact. */
export const DEMO_USERS = [
  { email: 'owner@customer.example', name: 'Olivia Owner', role: 'customer-owner', portal: 'customer', contact: DEMO_IDS.owner },
  { email: 'accountant@customer.example', name: 'Arne Accountant', role: 'accountant', portal: 'customer', contact: DEMO_IDS.accountant },
  { email: 'operations@customer.example', name: 'Oskar Operations', role: 'operations-manager', portal: 'customer', contact: DEMO_IDS.operations },
  { email: 'viewer@customer.example', name: 'Vera Viewer', role: 'viewer', portal: 'customer', contact: DEMO_IDS.viewer },
  { email: 'installer@partner.example', name: 'Ingrid Installer', role: 'installer', portal: 'partner', contact: DEMO_IDS.installer },
] as const satisfies readonly { email: string; name: string; role: string; portal: PortalSlug; contact: string }[];

export type SeededDemo = {
  portals: readonly { slug: string; name: string; path: string }[];
  users: readonly { email: string; role: string; roleName: string; portal: string; loginPath: string }[];
  generatedPassword?: string;
};

type GrantInput = Partial<Omit<EntityGrant, 'fields'>> & { fields?: Record<string, 'hidden' | 'read' | 'edit'> };

const fieldKeys = (type: string): string[] => ENERGY_TYPES.find((t) => t.key === type)!.fields.map((f) => f.key);
/** Every field of a type readable, only `editable` ones editable (for a grant that edits or creates). */
const onlyEditable = (type: string, editable: readonly string[]): Record<string, 'read' | 'edit'> =>
  Object.fromEntries(fieldKeys(type).map((k) => [k, editable.includes(k) ? 'edit' : 'read']));

const READ_ACCOUNT: GrantInput = { read: 'account' };
const READ_ALL: GrantInput = { read: 'all' };
/** Opening a case: what it is about; its number and status are support's. */
const CREATE_CASE: GrantInput = { create: true, read: 'account', fields: onlyEditable(T.case, ['subject', 'description', 'priority', 'category']) };
/** Writing on a case: the message, on a case of their account. */
const COMMENT: GrantInput = { create: true, read: 'account', fields: onlyEditable(T.caseComment, ['body', 'case']) };
/** The delivery address is the one contract detail a customer changes themselves. */
const contractGrant = (edit: 'account' | 'contact'): GrantInput => ({ read: 'account', edit, fields: onlyEditable(T.contract, ['deliveryAddress']) });

/**
 * What the customer portal's starter roles get over the demo's types, on top of their grants for
 * Account and Contact (templates/starters/roles.ts). Viewer is every user's baseline: records of
 * their account they may see, no invoice PDFs, no offers, payments or payment methods.
 */
export const CUSTOMER_DEMO_GRANTS: Record<string, Record<string, GrantInput>> = {
  'customer-owner': {
    [T.meterPoint]: READ_ACCOUNT,
    [T.contract]: contractGrant('account'),
    [T.offer]: READ_ACCOUNT,
    [T.invoice]: READ_ACCOUNT,
    [T.payment]: READ_ACCOUNT,
    [T.service]: READ_ACCOUNT,
    [T.order]: READ_ACCOUNT,
    [T.orderStep]: READ_ACCOUNT,
    [T.case]: CREATE_CASE,
    [T.caseComment]: COMMENT,
    [T.paymentMethod]: READ_ACCOUNT,
    [T.catalogueItem]: READ_ALL,
    [T.article]: READ_ALL,
  },
  accountant: {
    [T.contract]: READ_ACCOUNT,
    [T.invoice]: READ_ACCOUNT,
    [T.payment]: READ_ACCOUNT,
    [T.paymentMethod]: READ_ACCOUNT,
    [T.case]: CREATE_CASE,
    [T.caseComment]: COMMENT,
  },
  // Changes the delivery address of the contracts that name them as contact person.
  'operations-manager': {
    [T.meterPoint]: READ_ACCOUNT,
    [T.contract]: contractGrant('contact'),
    [T.offer]: READ_ACCOUNT,
    [T.service]: READ_ACCOUNT,
    [T.order]: READ_ACCOUNT,
    [T.orderStep]: READ_ACCOUNT,
    [T.case]: CREATE_CASE,
    [T.caseComment]: COMMENT,
  },
  viewer: {
    [T.meterPoint]: READ_ACCOUNT,
    [T.contract]: READ_ACCOUNT,
    [T.invoice]: { read: 'account', fields: { document: 'hidden' } },
    [T.service]: READ_ACCOUNT,
    [T.order]: READ_ACCOUNT,
    [T.orderStep]: READ_ACCOUNT,
    [T.case]: READ_ACCOUNT,
    [T.caseComment]: READ_ACCOUNT,
    [T.catalogueItem]: READ_ALL,
    [T.article]: READ_ALL,
  },
};

const SYSTEM: Actor = { kind: 'system', id: null };

/** Empty: no portal, no record and no type but the built-in ones. The demo never mixes with real data. */
async function isEmpty(db: Db): Promise<boolean> {
  const [portal, record, type] = await Promise.all([
    db.selectFrom('portals').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('records').select('id').limit(1).executeTakeFirst(),
    db.selectFrom('entity_types').select('key').where('built_in', '=', 0).limit(1).executeTakeFirst(),
  ]);
  return !portal && !record && !type;
}

/** Seeds the demo when the database is empty; null otherwise. With `dataDir`, invoices get their PDF. */
export async function seedDemo(db: Db, demoPassword?: string, opts: { dataDir?: string; now?: Date } = {}): Promise<SeededDemo | null> {
  if (!(await isEmpty(db))) return null;
  const admin = await db.selectFrom('admins').select('id').where('role', '=', 'owner').orderBy('created_at').limit(1).executeTakeFirstOrThrow();

  for (const type of ENERGY_TYPES) await createType(db, SYSTEM, type);

  const portals = {} as Record<PortalSlug, string>;
  const customer = await createPortal(db, admin, { slug: 'customer', name: 'Customer Portal', document: demoDocument(), makeDefault: true });
  portals.customer = customer.id;
  await publish(db, admin, { id: customer.id, note: 'Demo portal' });
  const partner = await createPortal(db, admin, { slug: 'partner', name: 'Northwind Partner Portal', document: partnerDocument() });
  portals.partner = partner.id;
  await publish(db, admin, { id: partner.id, note: 'Demo partner portal' });

  // Grants over the new types, changed as the Roles section changes them (revision, audit entry).
  for (const role of await listRoles(db, customer.id)) {
    const extra = CUSTOMER_DEMO_GRANTS[role.key];
    if (!extra) continue;
    await updateRole(db, admin, { portalId: customer.id, roleId: role.id, baseRevision: role.revision, grants: { ...role.grants, entities: { ...role.grants.entities, ...extra } } });
  }
  for (const role of await listRoles(db, partner.id)) {
    if ((PARTNER_REMOVED_ROLES as readonly string[]).includes(role.key)) await deleteRole(db, admin, { portalId: partner.id, roleId: role.id });
    else if (role.key === 'installer') await updateRole(db, admin, { portalId: partner.id, roleId: role.id, baseRevision: role.revision, grants: INSTALLER_GRANTS });
  }

  const records = demoRecords(opts.now ?? new Date());
  if (opts.dataDir) {
    for (const r of records) {
      if (!r.document) continue;
      const file = await storeFile(db, { dataDir: opts.dataDir }, SYSTEM, { name: r.document.name, bytes: simplePdf(r.document.lines), declaredType: 'application/pdf', target: { type: r.type, field: 'document' } });
      r.data = { ...r.data, document: file.id };
    }
  }

  const generated = demoPassword ? undefined : generatePassword();
  const hash = await hashPassword(demoPassword ?? generated!);
  // One transaction for the records and users: the demo is there whole, or not at all.
  await writeTx(db, async (trx) => {
    const resolver = new ReferenceResolver(trx);
    const ids = new Map<string, string>();
    const write = async (r: DemoRecord, createdByUser: string | null) => {
      const type = await requireType(trx, r.type);
      const result = await applyWrite(trx, SYSTEM, type, { mode: 'create', data: r.data, externalId: r.externalId }, { ...ADMIN_WRITE, createdByUser }, resolver);
      if (!result.ok) throw new Error(`Demo ${r.type} ${r.externalId}: ${result.issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
      ids.set(r.externalId, result.id);
      // Back-dated, as if it had come in then: lists in story order (a case before its replies).
      if (r.at) await trx.updateTable('records').set({ created_at: r.at, updated_at: r.at }).where('id', '=', result.id).execute();
    };
    // Accounts and contacts first: the users are linked to contacts, and some records are a user's own.
    const people = records.filter((r) => r.type === ACCOUNT || r.type === CONTACT);
    for (const r of people) await write(r, null);

    const roleRows = await trx.selectFrom('portal_roles').select(['id', 'key', 'portal_id']).where('portal_id', 'in', Object.values(portals)).execute();
    const userIds = new Map<string, string>();
    const at = new Date().toISOString();
    for (const u of DEMO_USERS) {
      const id = newRowId();
      const portalId = portals[u.portal];
      await trx
        .insertInto('portal_users')
        .values({ id, portal_id: portalId, email: u.email, name: u.name, status: 'active', contact_id: ids.get(u.contact)!, password_hash: hash, email_confirmed_at: at, created_at: at, updated_at: at, last_login_at: null })
        .execute();
      userIds.set(u.email, id);
      const role = roleRows.find((r) => r.key === u.role && r.portal_id === portalId);
      // The default role (Viewer) reaches every user anyway; the others are assigned.
      if (role) await trx.insertInto('portal_user_roles').values({ user_id: id, role_id: role.id }).onConflict((oc) => oc.doNothing()).execute();
    }
    for (const r of records) if (!people.includes(r)) await write(r, r.createdBy ? userIds.get(r.createdBy)! : null);
  });

  const roleNames = new Map<string, string>();
  for (const id of Object.values(portals)) for (const r of await listRoles(db, id)) roleNames.set(r.key, r.name);
  const pathOf = (slug: PortalSlug) => DEMO_PORTALS.find((p) => p.slug === slug)!.path;
  return {
    portals: DEMO_PORTALS,
    users: DEMO_USERS.map((u) => ({ email: u.email, role: u.role, roleName: roleNames.get(u.role) ?? u.role, portal: u.portal, loginPath: `${pathOf(u.portal)}login` })),
    ...(generated ? { generatedPassword: generated } : {}),
  };
}

/** A one-page PDF with the given lines (Helvetica, WinAnsi): the demo invoices' documents. */
export function simplePdf(lines: readonly string[]): Buffer {
  const escape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\xff]/g, '?');
  const text = lines.map((l, i) => `${i === 0 ? '/F1 20 Tf' : i === 1 ? '/F1 14 Tf' : '/F1 11 Tf'} (${escape(l)}) Tj T*`).join('\n');
  const content = `BT\n72 770 Td\n18 TL\n${text}\nET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
