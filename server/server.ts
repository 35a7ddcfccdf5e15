// Starts Portico: open and migrate the store, bootstrap the first admin, seed the demo, listen.
// Used by main.ts and by the integration tests (real HTTP on an ephemeral port).
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Config } from './config';
import { migrateToLatest, openDatabase, type Db } from './db/database';
import { createApp } from './http/app';
import { loadRenderer } from './published/renderer';
import { bootstrapAdmin } from './services/admins';
import { ensureBuiltInTypes } from './services/entity-types';
import { startHousekeeping } from './services/housekeeping';
import { startOutbox } from './services/outbox-delivery';
import { seedDemo } from './seed/demo';

export type Running = { url: string; port: number; db: Db; server: Server; close: () => Promise<void> };

/** Migrates, creates the first admin and seeds the demo: once, before any worker serves. */
export async function prepareDatabase(db: Db, config: Config, log: (msg: string) => void): Promise<void> {
  await migrateToLatest(db);
  await ensureBuiltInTypes(db);
  const admin = await bootstrapAdmin(db, config.adminEmail, config.adminPassword);
  if (admin?.generatedPassword) {
    log(`Created the first admin ${admin.email} with the password: ${admin.generatedPassword}`);
    log('It is shown only this once: sign in and change it.');
  } else if (admin) {
    log(`Created the first admin ${admin.email} (password from ADMIN_PASSWORD).`);
  }
  const seeded = config.seed === 'demo' ? await seedDemo(db, config.demoPassword, { dataDir: config.dataDir }) : null;
  if (seeded) {
    // Full URLs when the port is known before listening (PORT=0 picks one later: paths then).
    const base = config.publicUrl ? config.publicUrl.origin : config.port ? `http://localhost:${config.port}` : '';
    log('Seeded the Northwind Energy demo (docs/demo.md):');
    for (const p of seeded.portals) log(`  ${p.name.padEnd(26)} ${base}${p.path}`);
    log('Demo sign-ins:');
    for (const u of seeded.users) log(`  ${u.email.padEnd(28)} ${u.roleName.padEnd(20)} ${base}${u.loginPath}`);
    if (seeded.generatedPassword) log(`  password for all of them: ${seeded.generatedPassword} (shown only this once; set DEMO_PASSWORD to choose it)`);
    else log('  password for all of them: the DEMO_PASSWORD you set');
  }
}

export async function startServer(
  config: Config,
  log: (msg: string) => void = console.log,
  // `outbox: 'forward'`: a cluster worker, whose emails the primary delivers (main.ts).
  opts: { prepared?: boolean; outbox?: 'deliver' | 'forward' } = {},
): Promise<Running> {
  const db = await openDatabase(config.database);
  if (!opts.prepared) await prepareDatabase(db, config, log);

  const vite = config.dev
    ? await (await import('vite')).createServer({ server: { middlewareMode: true }, appType: 'custom', base: '/_assets/' })
    : undefined;
  const renderer = await loadRenderer(vite);
  const app = createApp({ db, config, renderer, vite, log });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  server.keepAliveTimeout = 65_000;
  const outbox = startOutbox({ db, config, log, role: opts.outbox ?? 'deliver' });
  // Like the outbox, swept by one process: a cluster's primary does it for its workers (main.ts).
  const housekeeping = opts.outbox === 'forward' ? undefined : startHousekeeping(db, log);
  const port = (server.address() as AddressInfo).port;
  const url = config.publicUrl ? config.publicUrl.origin : `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
      await housekeeping?.stop();
      await outbox.stop();
      await vite?.close();
      await db.destroy();
    })());
  return { url, port, db, server, close };
}
