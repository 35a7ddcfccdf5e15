// Housekeeping deletes what has expired (sessions past their lifetime, tokens a day after they
// expired or were used, finished throttle windows, action answers past their idempotency window)
// and nothing that is still valid.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sweepExpired } from '../../server/services/housekeeping';
import { signIn, startTestServer, type TestServer } from '../helpers/server';

let srv: TestServer;
let portalId: string;
const HOUR = 3600_000;
const at = (ms: number) => new Date(Date.now() + ms).toISOString();

beforeAll(async () => {
  srv = await startTestServer();
  const owner = await signIn(srv.url);
  portalId = (await owner.mutate<{ id: string }>('portals.create', { slug: 'sweep', name: 'Sweep' })).data!.id;
  await srv.db
    .insertInto('portal_users')
    .values({ id: 'pu_s', portal_id: portalId, email: 's@example.test', name: 'S', status: 'active', contact_id: null, password_hash: null, email_confirmed_at: at(0), created_at: at(0), updated_at: at(0), last_login_at: null })
    .execute();
  const session = (id: string, expires: number) => ({ id_hash: id, portal_id: portalId, user_id: 'pu_s', created_at: at(-48 * HOUR), last_seen_at: at(-HOUR), expires_at: at(expires), ip: null, user_agent: null });
  await srv.db.insertInto('portal_sessions').values([session('s-expired', -HOUR), session('s-valid', HOUR)]).execute();
  const token = (id: string, expires: number, used: number | null) => ({ id_hash: id, portal_id: portalId, user_id: 'pu_s', purpose: 'reset-password' as const, created_at: at(-72 * HOUR), expires_at: at(expires), used_at: used === null ? null : at(used) });
  await srv.db
    .insertInto('portal_tokens')
    .values([token('t-old', -25 * HOUR, null), token('t-used-long-ago', HOUR, -25 * HOUR), token('t-just-expired', -HOUR, null), token('t-valid', HOUR, null)])
    .execute();
  await srv.db
    .insertInto('auth_throttle')
    .values([
      { key: 'th-old', failures: 3, window_started_at: at(-25 * HOUR), blocked_until: null },
      { key: 'th-blocked', failures: 40, window_started_at: at(-25 * HOUR), blocked_until: at(HOUR) },
      { key: 'th-fresh', failures: 1, window_started_at: at(-60_000), blocked_until: null },
    ])
    .execute();
  const run = (key: string, ageHours: number) => ({ portal_id: portalId, user_id: 'pu_s', idem_key: key, request_hash: 'h', outcome: '{"ok":true}', created_at: at(-ageHours * HOUR) });
  await srv.db.insertInto('action_runs').values([run('run-8-days', 8 * 24), run('run-6-days', 6 * 24)]).execute();
});
afterAll(() => srv.stop());

it('removes exactly what has expired', async () => {
  const swept = await sweepExpired(srv.db);
  expect(swept.portalSessions).toBe(1);
  expect(swept.tokens).toBe(2);
  expect(swept.throttles).toBe(1);
  expect(swept.actionRuns).toBe(1);
  expect((await srv.db.selectFrom('action_runs').select('idem_key').execute()).map((r) => r.idem_key)).toEqual(['run-6-days']);
  expect((await srv.db.selectFrom('portal_sessions').select('id_hash').where('portal_id', '=', portalId).execute()).map((r) => r.id_hash)).toEqual(['s-valid']);
  expect((await srv.db.selectFrom('portal_tokens').select('id_hash').orderBy('id_hash').execute()).map((r) => r.id_hash)).toEqual(['t-just-expired', 't-valid']);
  expect((await srv.db.selectFrom('auth_throttle').select('key').where('key', 'like', 'th-%').orderBy('key').execute()).map((r) => r.key)).toEqual(['th-blocked', 'th-fresh']);
  // The admin's own session (valid) survives.
  expect(await srv.db.selectFrom('admin_sessions').select('id_hash').execute()).toHaveLength(1);
});
