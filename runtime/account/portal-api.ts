// A tiny client for the portal's account procedures (`{base}/_api/trpc/auth.*`): one JSON POST per
// call, errors turned into a form-level message and per-field messages. Plain fetch rather than
// @trpc/client, so the runtime stays small; the procedure names and inputs are typed from the
// server's router (a type import only).
import type { inferRouterInputs } from '@trpc/server';
import type { PortalRouter } from '../../server/routers/portal';

type AuthInputs = inferRouterInputs<PortalRouter>['auth'];
export type AuthProcedure = keyof AuthInputs;

export type CallResult = { ok: true } | { ok: false; status: number; message: string; fields: Record<string, string> };

type ErrorBody = { error?: { message?: string; data?: { issues?: { path: string[]; message: string }[] } } };

/** "use at least 10 characters" → "Use at least 10 characters." */
const sentence = (s: string) => {
  const t = s.trim();
  return t ? `${t[0]!.toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}` : t;
};

export async function callAuth<P extends AuthProcedure>(basePath: string, procedure: P, input: AuthInputs[P]): Promise<CallResult> {
  let res: Response;
  try {
    res = await fetch(`${basePath}/_api/trpc/auth.${procedure}`, {
      method: 'POST',
      // JSON and same-origin: what the server's CSRF rule requires of every change.
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, status: 0, message: 'The connection failed. Check your network and try again.', fields: {} };
  }
  if (res.ok) return { ok: true };
  const body = (await res.json().catch(() => ({}))) as ErrorBody;
  const fields: Record<string, string> = {};
  for (const issue of body.error?.data?.issues ?? []) {
    const key = issue.path[0];
    if (key && !fields[key]) fields[key] = sentence(issue.message);
  }
  const message =
    Object.keys(fields).length > 0
      ? 'Please correct the fields marked below.'
      : res.status >= 500
        ? 'Something went wrong on our side. Please try again in a moment.'
        : sentence(body.error?.message ?? `The request failed (${res.status}).`);
  return { ok: false, status: res.status, message, fields };
}
