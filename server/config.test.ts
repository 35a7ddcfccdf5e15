import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.dataDir).toBe(path.resolve('./data'));
    expect(c.database).toEqual({ kind: 'sqlite', file: path.resolve('./data/portico.sqlite') });
    expect(c.seed).toBe('demo');
    expect(c.trustProxy).toBe(false);
    expect(c.smtpUrl).toBeUndefined();
  });

  it('reads every variable', () => {
    const c = loadConfig({
      PORT: '8080',
      DATA_DIR: '/srv/portico',
      DATABASE_URL: 'postgres://u@db/portico',
      PUBLIC_URL: 'https://portal.example.com',
      SMTP_URL: 'smtp://mail.example.com:587',
      ADMIN_EMAIL: 'Ops@Example.com',
      ADMIN_PASSWORD: 'a-long-password',
      DEMO_PASSWORD: 'demo',
      SEED: 'none',
      TRUST_PROXY: '1',
    });
    expect(c).toMatchObject({
      port: 8080,
      dataDir: '/srv/portico',
      database: { kind: 'postgres', url: 'postgres://u@db/portico' },
      smtpUrl: 'smtp://mail.example.com:587',
      adminEmail: 'ops@example.com',
      seed: 'none',
      trustProxy: 1,
    });
    expect(c.publicUrl?.origin).toBe('https://portal.example.com');
  });

  it('names every bad variable in one error', () => {
    let err: unknown;
    try {
      loadConfig({ PORT: 'eighty', PUBLIC_URL: 'ftp://x', ADMIN_EMAIL: 'nope', SEED: 'maybe' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    for (const name of ['PORT', 'PUBLIC_URL', 'ADMIN_EMAIL', 'SEED']) expect(msg).toContain(name);
  });

  it('refuses TRUST_PROXY=true, which would trust any client-supplied address', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/never "true"/);
  });

  it('reads WORKERS as a number or "auto", and runs one process in development', async () => {
    const { availableParallelism } = await import('node:os');
    expect(loadConfig({}).workers).toBe(1);
    expect(loadConfig({ WORKERS: '3' }).workers).toBe(3);
    expect(loadConfig({ WORKERS: 'auto' }).workers).toBe(availableParallelism());
    expect(loadConfig({ WORKERS: '4', NODE_ENV: 'development' }).workers).toBe(1);
    expect(() => loadConfig({ WORKERS: 'many' })).toThrow(/WORKERS/);
    expect(() => loadConfig({ WORKERS: '0' })).toThrow(/WORKERS/);
  });

  it('refuses an unknown database URL scheme', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
});
