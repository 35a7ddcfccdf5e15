// The demo seeded on an empty database (SEED=demo): the default portal "customer", an account with
// a contact per demo user, and the four demo users of DESIGN.md section 6 who sign in with
// DEMO_PASSWORD and hold their starter roles. Without DEMO_PASSWORD a password is generated and
// printed once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalForUser } from '../../server/services/portal-grants';
import { signedIn } from '../helpers/portal-auth';
import { startTestServer, type TestServer } from '../helpers/server';

const DEMO_PASSWORD = 'demo-password-1';

describe('demo seed with DEMO_PASSWORD', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ SEED: 'demo', DEMO_PASSWORD });
  });
  afterAll(() => srv.stop());

  it('prints the demo sign-ins and the users sign in with DEMO_PASSWORD, each holding their starter role (and the default Viewer)', async () => {
    expect(srv.logs.join('\n')).toContain('owner@customer.example');
    expect(srv.logs.join('\n')).not.toContain(DEMO_PASSWORD);
    const portal = await srv.db.selectFrom('portals').select(['id', 'is_default']).where('slug', '=', 'customer').executeTakeFirstOrThrow();
    expect(portal.is_default).toBe(1);
    const expected: Record<string, string[]> = {
      'owner@customer.example': ['customer-owner', 'viewer'],
      'accountant@customer.example': ['accountant', 'viewer'],
      'operations@customer.example': ['operations-manager', 'viewer'],
      'viewer@customer.example': ['viewer'],
    };
    for (const [email, roles] of Object.entries(expected)) {
      const c = await signedIn(srv.url, '/portal', email, DEMO_PASSWORD);
      const me = await c.ask<{ email: string }>('auth.me');
      expect(me.data?.email).toBe(email);
      const user = await srv.db.selectFrom('portal_users').select(['id', 'contact_id']).where('email', '=', email).executeTakeFirstOrThrow();
      expect(user.contact_id).toBeTruthy();
      const principal = await principalForUser(srv.db, portal.id, { id: user.id, contactId: user.contact_id });
      expect([...principal.roles].sort()).toEqual(roles);
      // Linked to the demo account through their contact.
      expect(principal.data.accountIds).toHaveLength(1);
    }
  });
});

describe('demo seed without DEMO_PASSWORD', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ SEED: 'demo' });
  });
  afterAll(() => srv.stop());

  it('generates one password, prints it once, and it works', async () => {
    const line = srv.logs.find((l) => l.includes('password for all of them:'))!;
    const password = /password for all of them: (\S+)/.exec(line)![1]!;
    await signedIn(srv.url, '/portal', 'viewer@customer.example', password);
  });
});
