// One entry of the integration API's route table: what the router registers and what the OpenAPI
// document describes, from the same object and the same zod schemas, so the two cannot drift.
import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { Config } from '../config';
import type { Db } from '../db/database';
import type { ApiKeyPrincipal, ApiScope } from '../services/api-keys';

export type ApiDeps = { db: Db; config: Config; log: (msg: string) => void };

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A successful answer: JSON (or nothing, for 204) with headers such as ETag and Location. */
export type Reply = { status: number; body?: unknown; headers?: Record<string, string> };

export type ResponseDoc = {
  description: string;
  /** The JSON body (documented in its output form); none for 204. */
  schema?: z.ZodType;
  headers?: ('ETag' | 'Location')[];
};

export type RouteContext<P, Q, B, K> = ApiDeps & {
  key: K;
  params: P;
  query: Q;
  body: B;
  /** The If-Match revision, for routes that take it; undefined when absent or `*`. */
  ifMatch: number | undefined;
  /** The raw body of a `rawBody` route (empty otherwise). */
  bytes: Buffer;
  req: Request;
  res: Response;
};

type Shape = z.ZodType<Record<string, unknown>>;

/**
 * `scope: null` is a public route (the OpenAPI document); its handler gets the key if a valid one
 * was sent. A route takes a JSON `body` (checked by its schema), or a `rawBody` (file bytes), or none.
 */
export type RouteDef<P extends Shape, Q extends Shape, B extends z.ZodType | undefined, S extends ApiScope | null> = {
  method: Method;
  /** Express path below /api/v1, e.g. `/records/:type/:id`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: 'Types' | 'Records' | 'Contacts' | 'Documentation';
  scope: S;
  params: P;
  query: Q;
  body?: B;
  /** JSON bodies are limited to 2 MB; a route that needs more (imports) says so. */
  maxBodyBytes?: number;
  /** The body is bytes of any type (its Content-Type is only a hint), at most `maxBytes`. */
  rawBody?: { maxBytes: number; description: string };
  /** Takes `If-Match: "<revision>"` (optimistic concurrency). */
  ifMatch?: boolean;
  responses: Record<number, ResponseDoc>;
  /** Problem statuses this route can answer besides 401/403 (added for scoped routes) and 500. */
  problems: number[];
  handler(ctx: RouteContext<z.output<P>, z.output<Q>, B extends z.ZodType ? z.output<B> : undefined, S extends ApiScope ? ApiKeyPrincipal : ApiKeyPrincipal | null>): Promise<Reply>;
};

export type ApiRoute = RouteDef<Shape, Shape, z.ZodType | undefined, ApiScope | null>;

/** Keeps each route's types precise where it is written, and erases them for the table. */
export function defineRoute<P extends Shape, Q extends Shape, B extends z.ZodType | undefined = undefined, S extends ApiScope | null = ApiScope>(
  def: RouteDef<P, Q, B, S>,
): ApiRoute {
  return def as unknown as ApiRoute;
}

/** `/records/:type/:id` → `/records/{type}/{id}` (OpenAPI's path template). */
export const openApiPath = (path: string): string => path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
