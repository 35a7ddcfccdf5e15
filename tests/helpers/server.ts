// Test helpers: a real server on an ephemeral port with its own temporary SQLite file, and a small
// HTTP client that speaks tRPC's wire format and keeps cookies like a browser would.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config';
import { startServer, type Running } from '../../server/server';

export const OWNER = { email: 'owner@portico.test', password: 'owner-password-1' };

export type TestServer = Running & { dataDir: string; logs: string[]; stop: () => Promise<void> };

/** With PORTICO_TEST_PG set (the integration-pg project), each server gets a fresh Postgres database. */
const PG_ADMIN_URL = process.env.PORTICO_TEST_PG;

async function createPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: pg } = await import('pg');
  const name = `portico_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portico-it-'));
  const pgDb = PG_ADMIN_URL ? await createPgDatabase() : undefined;
  const config = loadConfig({
    ...(pgDb ? { DATABASE_URL: pgDb.url } : {}),
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ADMIN_EMAIL: OWNER.email,
    ADMIN_PASSWORD: OWNER.password,
    SEED: 'none',
    NODE_ENV: 'test',
    ...env,
  });
  const logs: string[] = [];
  const running = await startServer(config, (m) => logs.push(m));
  return {
    ...running,
    dataDir,
    logs,
    stop: async () => {
      await running.close();
      await pgDb?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TrpcResult<T = unknown> = {
  status: number;
  data?: T;
  error?: { message: string; code: number; data: { code: string; httpStatus: number; issues?: { path: string[]; message: string }[] } };
};

export class Client {
  readonly cookies = new Map<string, string>();
  constructor(
    readonly base: string,
    readonly defaultHeaders: Record<string, string> = {},
  ) {}

  get origin(): string {
    return new URL(this.base).origin;
  }

  async fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(this.defaultHeaders)) if (!headers.has(k)) headers.set(k, v);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(new URL(pathname, this.base), { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async query<T = unknown>(proc: string, input?: unknown, api = '/admin/api/trpc'): Promise<TrpcResult<T>> {
    const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return this.#read<T>(await this.fetch(`${api}/${proc}${qs}`));
  }

  async mutate<T = unknown>(proc: string, input?: unknown, headers: Record<string, string> = {}, api = '/admin/api/trpc'): Promise<TrpcResult<T>> {
    const res = await this.fetch(`${api}/${proc}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.origin, ...headers },
      ...(input === undefined ? {} : { body: JSON.stringify(input) }),
    });
    return this.#read<T>(res);
  }

  async #read<T>(res: Response): Promise<TrpcResult<T>> {
    const text = await res.text();
    let body: { result?: { data: T }; error?: TrpcResult['error'] } = {};
    try {
      body = JSON.parse(text);
    } catch {
      // Non-JSON bodies (e.g. a proxy's error page) are reported through the status alone.
    }
    return { status: res.status, data: body.result?.data, error: body.error };
  }
}

/** A client signed in as the given admin; fails the test if sign-in fails. */
export async function signIn(base: string, creds: { email: string; password: string } = OWNER): Promise<Client> {
  const c = new Client(base);
  const r = await c.mutate('auth.login', creds);
  if (r.status !== 200) throw new Error(`sign-in failed: ${r.status} ${r.error?.message}`);
  return c;
}

/** Creates an admin with the given role through the API (as the owner) and signs them in. */
export async function adminWithRole(base: string, owner: Client, role: 'admin' | 'designer' | 'owner'): Promise<Client> {
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@portico.test`;
  const password = `${role}-password-1`;
  const r = await owner.mutate('admins.create', { email, name: role, role, password });
  if (r.status !== 200) throw new Error(`admins.create failed: ${r.error?.message}`);
  return signIn(base, { email, password });
}

/** A GET with a chosen Host header (fetch does not allow setting Host), for custom-domain tests. */
export async function getWithHost(base: string, path: string, host: string): Promise<{ status: number; body: string }> {
  const { request } = await import('node:http');
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname: url.hostname, port: url.port, path: url.pathname + url.search, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
