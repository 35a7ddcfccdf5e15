// Environment configuration (DESIGN.md section 6), validated once at start-up with clear messages.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());

const envSchema = z.object({
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  HOST: z.preprocess(emptyToUndefined, z.string().default('0.0.0.0')),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
  DATABASE_URL: optionalString,
  PUBLIC_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/, error: 'PUBLIC_URL must be an http(s) URL' }).optional()),
  SMTP_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^smtps?$/, error: 'SMTP_URL must be smtp:// or smtps://' }).optional()),
  ADMIN_EMAIL: z.preprocess(emptyToUndefined, z.email('ADMIN_EMAIL must be an email address').optional()),
  ADMIN_PASSWORD: z.preprocess(emptyToUndefined, z.string().min(10, 'ADMIN_PASSWORD needs at least 10 characters').optional()),
  DEMO_PASSWORD: optionalString,
  SEED: z.preprocess(emptyToUndefined, z.enum(['demo', 'none']).default('demo')),
  TRUST_PROXY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((v) => v !== 'true', 'TRUST_PROXY must name hops or addresses (e.g. "1" or "loopback"), never "true"')
      .optional(),
  ),
  NODE_ENV: z.preprocess(emptyToUndefined, z.enum(['development', 'production', 'test']).default('production')),
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(['silent', 'info', 'debug']).default('info')),
  WORKERS: z.preprocess(
    emptyToUndefined,
    z.union([z.literal('auto'), z.coerce.number().int().min(1, 'WORKERS is a whole number ≥ 1 or "auto"').max(64)], { error: 'WORKERS is a whole number ≥ 1 or "auto"' }).default(1),
  ),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  publicUrl: URL | undefined;
  smtpUrl: string | undefined;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  demoPassword: string | undefined;
  seed: 'demo' | 'none';
  trustProxy: string | number | false;
  dev: boolean;
  logLevel: 'silent' | 'info' | 'debug';
  /** Server processes sharing the port (node:cluster); 1 runs in-process. */
  workers: number;
};

export class ConfigError extends Error {}

/** Reads and validates the environment. Throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  let database: Config['database'];
  const url = e.DATABASE_URL;
  if (!url) database = { kind: 'sqlite', file: path.join(dataDir, 'portico.sqlite') };
  else if (/^postgres(ql)?:\/\//.test(url)) database = { kind: 'postgres', url };
  else if (url.startsWith('file:')) database = { kind: 'sqlite', file: path.resolve(url.slice('file:'.length)) };
  else if (url.includes('://')) throw new ConfigError(`Invalid configuration:\n  DATABASE_URL: use a file path, file:<path> or postgres://…`);
  else database = { kind: 'sqlite', file: path.resolve(url) };
  const tp = e.TRUST_PROXY;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database,
    publicUrl: e.PUBLIC_URL ? new URL(e.PUBLIC_URL) : undefined,
    smtpUrl: e.SMTP_URL,
    adminEmail: e.ADMIN_EMAIL?.toLowerCase(),
    adminPassword: e.ADMIN_PASSWORD,
    demoPassword: e.DEMO_PASSWORD,
    seed: e.SEED,
    trustProxy: tp === undefined || tp === 'false' ? false : /^\d+$/.test(tp) ? Number(tp) : tp,
    dev: e.NODE_ENV === 'development',
    logLevel: e.LOG_LEVEL,
    // Vite's dev server is one process; so is development.
    workers: e.NODE_ENV === 'development' ? 1 : e.WORKERS === 'auto' ? availableParallelism() : e.WORKERS,
  };
}
