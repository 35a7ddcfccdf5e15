// The typed admin API: a tRPC client for imperative calls and react-query options for components.
// Only `type AdminRouter` crosses from the server.
import { QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AdminRouter } from '../server/routers/admin';

export const api = createTRPCClient<AdminRouter>({
  links: [httpBatchLink({ url: '/admin/api/trpc', fetch: (url, init) => fetch(url, { ...init, credentials: 'same-origin' }) })],
});

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: (count, err) => !isUnauthorized(err) && count < 2, refetchOnWindowFocus: false, staleTime: 5_000 },
  },
});

export const { TRPCProvider, useTRPC } = createTRPCContext<AdminRouter>();

export function errorMessage(err: unknown): string {
  if (err instanceof TRPCClientError) return err.message;
  return err instanceof Error ? err.message : 'Something went wrong.';
}

export function errorCode(err: unknown): string | undefined {
  return err instanceof TRPCClientError ? (err.data as { code?: string } | undefined)?.code : undefined;
}

export function isUnauthorized(err: unknown): boolean {
  return errorCode(err) === 'UNAUTHORIZED';
}

/** A network failure (server down, offline), as opposed to an answer from the server. */
export function isNetworkError(err: unknown): boolean {
  return err instanceof TRPCClientError && !err.data && /fetch|network|Failed to/i.test(err.message);
}
