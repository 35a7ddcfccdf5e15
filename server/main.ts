// Process entry point: `npm start` and `npm run dev` run this. With WORKERS > 1 the primary process
// prepares the database once, then forks that many workers that share the port (node:cluster);
// SQLite in WAL mode with immediate transactions and a busy timeout serves several processes.
import cluster from 'node:cluster';
import { ConfigError, loadConfig, type Config } from './config';
import { openDatabase } from './db/database';
import { prepareDatabase, startServer } from './server';
import { startHousekeeping } from './services/housekeeping';
import { isOutboxNudge, startOutbox } from './services/outbox-delivery';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}

function announce(url: string, log: (m: string) => void, workers: number): void {
  log(`Portico is running on ${url}${workers > 1 ? ` (${workers} workers)` : ''}`);
  log(`  Portal:   ${url}/portal/`);
  log(`  Builder:  ${url}/admin/`);
  log(`  Health:   ${url}/healthz`);
}

async function runSingle(config: Config, log: (m: string) => void): Promise<void> {
  const running = await startServer(config, log);
  announce(running.url, log, 1);
  const stop = (signal: string) => {
    log(`${signal}: shutting down`);
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

async function runPrimary(config: Config, log: (m: string) => void): Promise<void> {
  const db = await openDatabase(config.database);
  await prepareDatabase(db, config, log);
  // The primary delivers the outbox (one deliverer, not one per worker); workers nudge it over IPC.
  const outbox = startOutbox({ db, config, log, role: 'deliver' });
  const housekeeping = startHousekeeping(db, log);
  cluster.on('message', (_worker, message) => {
    if (isOutboxNudge(message)) outbox.nudge();
  });
  let stopping = false;
  let announced = false;
  const fork = () => cluster.fork({ PORTICO_WORKER: '1' });
  cluster.on('listening', (_worker, address) => {
    if (announced) return;
    announced = true;
    const host = !address.address || address.address === '0.0.0.0' || address.address === '::' ? 'localhost' : address.address;
    announce(config.publicUrl ? config.publicUrl.origin : `http://${host}:${address.port}`, log, config.workers);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    log(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    setTimeout(fork, 1000);
  });
  for (let i = 0; i < config.workers; i++) fork();
  const stop = (signal: string) => {
    stopping = true;
    const sweeping = housekeeping.stop();
    log(`${signal}: shutting down`);
    // Waits for a send in flight, so it is marked sent rather than sent again after the restart.
    const outboxStopped = Promise.allSettled([outbox.stop(), sweeping]).then(() => db.destroy()).catch(() => {});
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), 10_000).unref();
    cluster.on('exit', () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) void outboxStopped.then(() => process.exit(0));
    });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

async function runWorker(config: Config, log: (m: string) => void): Promise<void> {
  const running = await startServer(config, log, { prepared: true, outbox: 'forward' });
  const stop = () => running.close().then(() => process.exit(0), () => process.exit(1));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

const config = readConfig();
const log = config.logLevel === 'silent' ? () => {} : (m: string) => console.log(m);
const run = config.workers <= 1 ? runSingle : cluster.isPrimary ? runPrimary : runWorker;
run(config, log).catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
