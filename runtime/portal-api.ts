// The browser's calls to the portal API (`{base}/_api/trpc`): a page's payload, a block's data with
// the viewer's choices, and block actions. Plain fetch with JSON (no tRPC client in the runtime's
// bundle); tRPC's error answers become an ActionOutcome with the fields at fault.
import type { ActionOutcome, BlockQuery, PagePayload } from '../core';

type TrpcAnswer<T> = { result?: { data: T }; error?: { message?: string; data?: { code?: string; issues?: { path: string[]; message: string }[] } } };

async function readAnswer<T>(res: Response): Promise<TrpcAnswer<T>> {
  try {
    return (await res.json()) as TrpcAnswer<T>;
  } catch {
    return { error: { message: `The server answered ${res.status}.` } };
  }
}

export async function fetchPage(basePath: string, path: string): Promise<PagePayload> {
  const input = encodeURIComponent(JSON.stringify({ path }));
  const res = await fetch(`${basePath}/_api/trpc/page?input=${input}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (!res.ok && res.status !== 404) throw new Error(`page request failed: ${res.status}`);
  const body = await readAnswer<PagePayload>(res);
  if (!body.result) throw new Error('page request failed');
  return body.result.data;
}

export async function fetchBlockData(basePath: string, path: string, blockId: string, query: BlockQuery): Promise<unknown> {
  const input = encodeURIComponent(JSON.stringify({ path, blockId, query }));
  const res = await fetch(`${basePath}/_api/trpc/blockData?input=${input}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  const body = await readAnswer<unknown>(res);
  if (!body.result) throw new Error(body.error?.message ?? 'The list could not be loaded.');
  return body.result.data;
}

/** A field name from an issue path: the action's `data.` wrapper is not part of what the form shows. */
const fieldOf = (path: readonly string[]) => (path[0] === 'data' ? path.slice(1) : path).join('.');

export async function postAction(basePath: string, body: { path: string; blockId: string; action: string; input: unknown; idempotencyKey: string }): Promise<ActionOutcome> {
  const res = await fetch(`${basePath}/_api/trpc/runAction`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  });
  const answer = await readAnswer<ActionOutcome>(res);
  if (answer.result) return answer.result.data;
  const issues = (answer.error?.data?.issues ?? []).map((i) => ({ field: fieldOf(i.path), message: i.message }));
  if (res.status === 401) return { ok: false, message: 'Your session has ended. Sign in again to continue.' };
  return { ok: false, message: answer.error?.message ?? `The server answered ${res.status}.`, ...(issues.length ? { issues } : {}) };
}
