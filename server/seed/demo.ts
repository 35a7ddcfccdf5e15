// Seeds a small demo on an empty database: the default portal "customer", published as version 1.
// (The full energy-utility demo with data and users comes with the data and access features.)
import type { Db } from '../db/database';
import { demoDocument } from '../../templates/starters/demo';
import { createPortal, publish } from '../services/portals';

export async function seedDemo(db: Db): Promise<boolean> {
  const any = await db.selectFrom('portals').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  const owner = await db.selectFrom('admins').select('id').where('role', '=', 'owner').orderBy('created_at').limit(1).executeTakeFirstOrThrow();
  const portal = await createPortal(db, owner, { slug: 'customer', name: 'Customer Portal', document: demoDocument(), makeDefault: true });
  await publish(db, owner, { id: portal.id, note: 'Demo portal' });
  return true;
}
