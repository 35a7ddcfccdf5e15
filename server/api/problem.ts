// Errors of the integration API as RFC 9457 problem details (`application/problem+json`): every
// failure, whether thrown by a service (TRPCError, FieldIssuesError), by the body parser or by this
// layer, becomes one problem with a stable `type`, a fixed `title` per type, a `detail` for this
// occurrence and, where fields are at fault, `errors: [{ field, message, row? }]`.
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { Response } from 'express';
import { z } from 'zod';
import { API_SCOPES, type ApiScope } from '../services/api-keys';
import { FieldIssuesError, type LocatedIssue } from '../services/field-issues';
import { isUniqueViolation } from '../services/records';

type Code = TRPCError['code'];

/** An error of this layer that carries response headers (WWW-Authenticate, Allow) and extension members. */
export class ApiError extends TRPCError {
  constructor(
    code: Code,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly extra: { scope?: ApiScope } = {},
  ) {
    super({ code, message });
  }
}

const KINDS: Partial<Record<Code, { slug: string; title: string }>> = {
  BAD_REQUEST: { slug: 'bad-request', title: 'The request is not valid' },
  UNAUTHORIZED: { slug: 'unauthorized', title: 'A valid API key is required' },
  FORBIDDEN: { slug: 'forbidden', title: 'Not allowed' },
  NOT_FOUND: { slug: 'not-found', title: 'Not found' },
  METHOD_NOT_SUPPORTED: { slug: 'method-not-allowed', title: 'Method not allowed' },
  CONFLICT: { slug: 'conflict', title: 'Conflict' },
  PRECONDITION_FAILED: { slug: 'precondition-failed', title: 'Precondition failed' },
  PAYLOAD_TOO_LARGE: { slug: 'payload-too-large', title: 'Request body too large' },
  UNSUPPORTED_MEDIA_TYPE: { slug: 'unsupported-media-type', title: 'Unsupported media type' },
  TOO_MANY_REQUESTS: { slug: 'too-many-requests', title: 'Too many requests' },
  INTERNAL_SERVER_ERROR: { slug: 'internal-error', title: 'Internal server error' },
};
/** `type` of a problem: a URN, because it identifies the kind of problem and is not meant to be fetched. */
export const problemType = (slug: string) => `urn:portico:problem:${slug}`;
const VALIDATION = { slug: 'invalid-fields', title: 'Some fields are not valid' };

export const problemErrorSchema = z
  .object({
    field: z.string().describe('The field at fault: a record field key, a body path (`data`, `externalId`), a query parameter (`limit`, `filter[status][eq]`) or a header (`If-Match`). Empty when the problem concerns the whole data.'),
    message: z.string(),
    row: z.number().int().optional().describe('For imports: the 1-based row at fault.'),
    recordId: z.string().optional().describe('The record at fault, when the problem concerns a stored record.'),
  })
  .strict();

export const problemSchema = z
  .looseObject({
    type: z.string().describe('A URN naming the kind of problem, e.g. `urn:portico:problem:not-found`.'),
    title: z.string().describe('A short summary of the kind of problem; the same for every occurrence of a type.'),
    status: z.number().int().describe('The HTTP status code.'),
    detail: z.string().describe('What went wrong this time, in words meant for a developer.'),
    errors: z.array(problemErrorSchema).optional().describe('Each field at fault, for validation problems.'),
    scope: z.enum(API_SCOPES).optional().describe('For a 403 caused by a missing scope: the scope the key needs.'),
  })
  .meta({ id: 'Problem', description: 'An RFC 9457 problem (`application/problem+json`).' });

export type Problem = z.infer<typeof problemSchema>;
export type ProblemReply = { problem: Problem; headers: Record<string, string> };

/** Errors from express' body parser carry a status and a machine-readable type. */
const bodyParserError = z.object({ status: z.number().int(), type: z.string().optional(), message: z.string().optional(), limit: z.number().optional() });
const megabytes = (n: number) => `${+(n / 1024 / 1024).toFixed(1)} MB`;

function fromTrpc(err: TRPCError, headers: Record<string, string>): ProblemReply {
  const status = getHTTPStatusCodeFromError(err);
  const kind = err instanceof FieldIssuesError && err.code === 'BAD_REQUEST' ? VALIDATION : (KINDS[err.code] ?? { slug: err.code.toLowerCase().replace(/_/g, '-'), title: err.code });
  const problem: Problem = { type: problemType(kind.slug), title: kind.title, status, detail: err.message };
  if (err instanceof FieldIssuesError) problem.errors = err.issues.map(cleanIssue);
  if (err instanceof ApiError && err.extra.scope) problem.scope = err.extra.scope;
  return { problem, headers };
}

const cleanIssue = (i: LocatedIssue) => ({
  field: i.field,
  message: i.message,
  ...(i.row !== undefined ? { row: i.row } : {}),
  ...(i.recordId !== undefined ? { recordId: i.recordId } : {}),
});

/**
 * Postgres' unique violation: two requests inserting the same external id at the same moment (on
 * SQLite, immediate transactions serialise them and the second sees the first).
 */

/** Any thrown value as a problem; internal errors are logged and answered without their details. */
export function toProblem(err: unknown, log: (msg: string) => void, where: string): ProblemReply {
  if (err instanceof TRPCError && err.code !== 'INTERNAL_SERVER_ERROR') return fromTrpc(err, err instanceof ApiError ? err.headers : {});
  if (isUniqueViolation(err)) return fromTrpc(new TRPCError({ code: 'CONFLICT', message: 'Another request wrote the same record at the same moment; send this one again.' }), {});
  const parsed = bodyParserError.safeParse(err);
  if (!(err instanceof TRPCError) && parsed.success && parsed.data.status >= 400 && parsed.data.status < 500) {
    const { status, type } = parsed.data;
    if (type === 'entity.too.large') return fromTrpc(new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message: `The request body is larger than ${megabytes(parsed.data.limit ?? 2 * 1024 * 1024)}.` }), {});
    if (type === 'entity.parse.failed') return fromTrpc(new TRPCError({ code: 'BAD_REQUEST', message: `The request body is not valid JSON (${parsed.data.message ?? 'parse error'}).` }), {});
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      return fromTrpc(new TRPCError({ code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as UTF-8 JSON (gzip or deflate encoding allowed).' }), {});
    }
    if (status === 400) return fromTrpc(new TRPCError({ code: 'BAD_REQUEST', message: 'The request could not be read (a malformed address or an interrupted body).' }), {});
  }
  const cause = err instanceof TRPCError && err.cause ? err.cause : err;
  log(`api v1 ${where}: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`);
  return fromTrpc(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on our side; it has been logged.' }), {});
}

export function sendProblem(res: Response, { problem, headers }: ProblemReply): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.status(problem.status);
  try {
    res.set(headers);
  } catch {
    // A header value node refuses must not turn a clear problem into a 500.
  }
  res.type('application/problem+json; charset=utf-8').end(JSON.stringify(problem));
}
