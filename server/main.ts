// Process entry point: `npm start` and `npm run dev` run this.
import { ConfigError, loadConfig } from './config';
import { startServer } from './server';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = config.logLevel === 'silent' ? () => {} : (m: string) => console.log(m);
  const running = await startServer(config, log);
  log(`Portico is running on ${running.url}`);
  log(`  Builder:  ${running.url}/admin/`);
  log(`  Health:   ${running.url}/healthz`);
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

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
