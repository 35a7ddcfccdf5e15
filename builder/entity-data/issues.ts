// Server issues in one shape. The admin API names the fields at fault in `error.data.issues`:
// `{ field, message, recordId?, row? }` from the data services, or `{ path, message }` when the
// input itself failed its schema. The Data section shows each next to the control it is about.
import { TRPCClientError } from '@trpc/client';

export type Issue = { field: string; message: string; recordId?: string; row?: number };

type RawIssue = { field?: unknown; path?: unknown; message?: unknown; recordId?: unknown; row?: unknown };

/** The issues of a failed call, or none (the message alone then says what went wrong). */
export function issuesOf(err: unknown): Issue[] {
  if (!(err instanceof TRPCClientError)) return [];
  const raw = (err.data as { issues?: unknown } | undefined)?.issues;
  return normalizeIssues(raw);
}

export function normalizeIssues(raw: unknown): Issue[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((x: RawIssue): Issue[] => {
    if (typeof x !== 'object' || x === null || typeof x.message !== 'string') return [];
    const field = typeof x.field === 'string' ? x.field : Array.isArray(x.path) ? x.path.map(String).join('.') : '';
    return [
      {
        field,
        message: x.message,
        ...(typeof x.recordId === 'string' ? { recordId: x.recordId } : {}),
        ...(typeof x.row === 'number' ? { row: x.row } : {}),
      },
    ];
  });
}

/** zod messages are lower-case to read well inside sentences; shown alone, they start upper-case. */
export function sentence(message: string): string {
  return message ? message[0]!.toUpperCase() + message.slice(1) : message;
}
