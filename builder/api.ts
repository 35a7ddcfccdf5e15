// The typed admin API client. Only `type AdminRouter` crosses from the server.
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import type { AdminRouter } from '../server/routers/admin';

export const api = createTRPCClient<AdminRouter>({
  links: [httpBatchLink({ url: '/admin/api/trpc', fetch: (url, init) => fetch(url, { ...init, credentials: 'same-origin' }) })],
});

export function errorMessage(err: unknown): string {
  if (err instanceof TRPCClientError) return err.message;
  return err instanceof Error ? err.message : 'Something went wrong.';
}

export function isUnauthorized(err: unknown): boolean {
  return err instanceof TRPCClientError && (err.data as { code?: string } | undefined)?.code === 'UNAUTHORIZED';
}
