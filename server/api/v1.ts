// The integration API at /api/v1: one route table (server/api/routes/*, plus the OpenAPI document)
// registered on an express router. Per request, in this order: the API key (Bearer only; cookies are
// never read, so CSRF does not apply), its scope, then the JSON body (read only once the key is known,
// so an anonymous client cannot make the server buffer 2 MB), path, query and If-Match, each checked
// by the route's strict zod schema. Every answer is `Cache-Control: no-store`; every error a problem.
import express, { type NextFunction, type Request, type Response } from 'express';
import type { z } from 'zod';
import type { FieldIssue } from '../../core';
import { FieldIssuesError } from '../services/field-issues';
import { optionalKey, requireKey, requireScope } from './auth';
import { gatherQuery } from './list-query';
import { openApiRoute } from './openapi';
import { ApiError, sendProblem, toProblem } from './problem';
import type { ApiDeps, ApiRoute } from './route';
import { contactRoutes } from './routes/contacts';
import { fileRoutes } from './routes/files';
import { importRoutes } from './routes/import';
import { recordRoutes } from './routes/records';
import { typeRoutes } from './routes/types';

/** The same limit as the admin API. */
export const MAX_API_BODY_BYTES = 2 * 1024 * 1024;

/** Every route of the API, in registration order; a new endpoint is a route in a file under routes/. */
export function apiRoutes(): ApiRoute[] {
  const routes: ApiRoute[] = [...typeRoutes, ...recordRoutes, ...importRoutes, ...contactRoutes, ...fileRoutes];
  routes.push(openApiRoute(() => routes));
  return routes;
}

const parsers = new Map<string, express.RequestHandler>();
/** Body parsers per limit, made once. Raw bodies are not inflated: the limit then means bytes on the wire. */
function parser(kind: 'json' | 'raw', limit: number): express.RequestHandler {
  const id = `${kind}:${limit}`;
  let p = parsers.get(id);
  if (!p) parsers.set(id, (p = kind === 'json' ? express.json({ limit, strict: true, type: () => true }) : express.raw({ limit, type: () => true, inflate: false })));
  return p;
}
const runParser = (p: express.RequestHandler, req: Request, res: Response): Promise<unknown> =>
  new Promise((resolve, reject) => {
    p(req, res, (err?: unknown) => (err ? reject(err) : resolve(req.body)));
  });
const isJson = (req: Request) => {
  const type = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
};
const hasBody = (req: Request) => req.get('transfer-encoding') !== undefined || Number(req.get('content-length') ?? 0) > 0;

async function readJson(req: Request, res: Response, limit: number): Promise<unknown> {
  if (!hasBody(req)) return undefined;
  if (!isJson(req)) throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
  return runParser(parser('json', limit), req, res);
}

async function readRaw(req: Request, res: Response, limit: number): Promise<Buffer> {
  if (!hasBody(req)) return Buffer.alloc(0);
  const body = await runParser(parser('raw', limit), req, res);
  return Buffer.isBuffer(body) ? body : Buffer.alloc(0);
}

type Part = 'path' | 'query' | 'body';
const dotted = (path: string[]) => path.join('.');
const bracketed = (path: string[]) => path.map((p, i) => (i === 0 ? p : `[${p}]`)).join('');

/** zod issues as `{ field, message }`: a query parameter as `filter[a][op]`, a body path as `data.name`. */
function issuesOf(error: z.ZodError, where: Part): FieldIssue[] {
  const name = (path: PropertyKey[]) => (where === 'query' ? bracketed : dotted)(path.map(String));
  return error.issues.flatMap((i) => {
    if (i.code === 'unrecognized_keys') {
      const what = where === 'query' ? (i.path.length ? 'unknown filter operator' : 'unknown query parameter') : 'unknown field';
      return i.keys.map((k) => ({ field: name([...i.path, k]), message: what }));
    }
    return [{ field: name(i.path), message: i.message }];
  });
}

/** NUL and lone UTF-16 surrogates: never meant as text, and Postgres refuses them (the write would fail as a 500). */
// eslint-disable-next-line no-control-regex -- NUL is exactly what is refused
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first thing in a parsed body, query or path that is refused before any schema sees it: an own
 * `__proto__` key (JSON.parse makes one; zod's records would drop it silently, as assigning
 * `__proto__` sets a prototype), or text with NUL or broken Unicode, which SQLite would store and
 * Postgres refuses. The same request then gets the same 400 on both databases.
 */
function refusedIn(value: unknown, name: (path: string[]) => string, path: string[] = []): FieldIssue | null {
  if (typeof value === 'string') return UNSAFE_TEXT.test(value) ? { field: name(path), message: 'contains a NUL character or broken Unicode (a lone surrogate)' } : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    if (k === '__proto__') return { field: name([...path, k]), message: 'unknown field' };
    if (UNSAFE_TEXT.test(k)) return { field: name(path), message: 'a key contains a NUL character or broken Unicode (a lone surrogate)' };
    const found = refusedIn(v, name, [...path, k]);
    if (found) return found;
  }
  return null;
}

const PART_NAMES: Record<Part, string> = { path: 'The address', query: 'The query string', body: 'The request body' };
const invalid = (where: Part, issues: FieldIssue[]) =>
  new FieldIssuesError(`${PART_NAMES[where]} is not valid: ${issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('; ')}.`, issues);

function refuse(value: unknown, where: Part): void {
  const issue = refusedIn(value, where === 'query' ? bracketed : dotted);
  if (issue) throw invalid(where, [issue]);
}

function check<T>(schema: z.ZodType<T>, value: unknown, where: Part, extra: FieldIssue[] = []): T {
  const parsed = schema.safeParse(value);
  const issues = [...extra, ...(parsed.success ? [] : issuesOf(parsed.error, where))];
  if (issues.length || !parsed.success) throw invalid(where, issues);
  return parsed.data;
}

/** `If-Match: "3"` → 3; `*` or absent → undefined. A weak tag never matches (RFC 9110 compares strongly). */
function readIfMatch(req: Request): number | undefined {
  const raw = req.get('if-match')?.trim();
  if (raw === undefined || raw === '*') return undefined;
  const m = /^"(\d{1,12})"$/.exec(raw);
  if (m) return Number(m[1]);
  if (raw.startsWith('W/')) throw new ApiError('PRECONDITION_FAILED', 'If-Match needs the strong ETag of the record ("3"), not a weak one.');
  throw new FieldIssuesError('If-Match must be the ETag of the record, e.g. "3".', [{ field: 'If-Match', message: 'the ETag of the record in quotes, e.g. "3"' }]);
}

function handle(route: ApiRoute, deps: ApiDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      let key = null;
      if (route.scope) {
        key = await requireKey(deps.db, req);
        requireScope(key, route.scope);
      } else key = await optionalKey(deps.db, req);
      refuse(req.params, 'path');
      const params = check(route.params, { ...req.params }, 'path');
      refuse(req.query, 'query');
      const gathered = gatherQuery(req.query as Record<string, unknown>);
      const query = check(route.query, gathered.query, 'query', gathered.issues);
      const ifMatch = route.ifMatch ? readIfMatch(req) : undefined;
      let body: unknown;
      if (route.body) {
        const raw = await readJson(req, res, route.maxBodyBytes ?? MAX_API_BODY_BYTES);
        if (raw === undefined) throw new FieldIssuesError('This request needs a JSON body.', [{ field: '', message: 'a JSON body is required' }]);
        refuse(raw, 'body');
        body = check(route.body, raw, 'body');
      }
      const bytes = route.rawBody ? await readRaw(req, res, route.rawBody.maxBytes) : Buffer.alloc(0);
      // `key` is non-null exactly for scoped routes, which is what the handler's type says.
      const reply = await route.handler({ ...deps, key: key as never, params, query, body, ifMatch, bytes, req, res });
      res.status(reply.status).set(reply.headers ?? {});
      // Not res.json: express would add a weak ETag of the body, which is not a revision for If-Match.
      if (reply.body === undefined) res.end();
      else res.type('application/json; charset=utf-8').end(JSON.stringify(reply.body));
    } catch (err) {
      sendProblem(res, toProblem(err, deps.log, `${req.method} ${req.originalUrl.split('?')[0]}`));
    }
  };
}

export function createApiV1(deps: ApiDeps): express.Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  const routes = apiRoutes();
  const methods = new Map<string, string[]>();
  for (const route of routes) {
    router[route.method](route.path, handle(route, deps));
    methods.set(route.path, [...(methods.get(route.path) ?? []), route.method.toUpperCase()]);
  }
  // A known path with another method: 405 naming the ones it takes.
  for (const [path, list] of methods) {
    const allow = [...list, ...(list.includes('GET') ? ['HEAD'] : [])].join(', ');
    router.all(path, (req, res) => {
      if (req.method === 'OPTIONS') return void res.status(204).set('Allow', allow).end();
      sendProblem(res, toProblem(new ApiError('METHOD_NOT_SUPPORTED', `${req.method} is not allowed here; use ${allow}.`, { Allow: allow }), deps.log, req.path));
    });
  }
  router.use((req, res) => {
    sendProblem(res, toProblem(new ApiError('NOT_FOUND', `There is no endpoint ${req.method} /api/v1${req.path}; see /api/v1/openapi.json.`), deps.log, req.path));
  });
  // Errors raised before a handler runs (a malformed %-escape in the path).
  router.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    sendProblem(res, toProblem(err, deps.log, `${req.method} ${req.path}`));
  });
  return router;
}
