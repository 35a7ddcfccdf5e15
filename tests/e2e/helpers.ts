// e2e helpers: drive the admin API like a tool would, to set up portals for the browser tests.
import { expect, type APIRequestContext } from '@playwright/test';
import type { PortalDocument } from '../../core';
import { E2E_ADMIN } from '../../playwright.config';

export async function adminApi(request: APIRequestContext, baseURL: string) {
  const origin = new URL(baseURL).origin;
  const call = async <T>(proc: string, input: unknown, kind: 'query' | 'mutation'): Promise<T> => {
    const res =
      kind === 'query'
        ? await request.get(`/admin/api/trpc/${proc}?input=${encodeURIComponent(JSON.stringify(input))}`)
        : await request.post(`/admin/api/trpc/${proc}`, { data: input, headers: { origin } });
    const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
    expect(res.ok(), `${proc}: ${body.error?.message}`).toBe(true);
    return body.result!.data;
  };
  await call('auth.login', E2E_ADMIN, 'mutation');
  return {
    call,
    /** Creates (or reuses) a portal and publishes the given document as its new version. */
    async publishPortal(slug: string, name: string, document: PortalDocument): Promise<string> {
      const list = await call<{ id: string; slug: string }[]>('portals.list', {}, 'query');
      const id = list.find((p) => p.slug === slug)?.id ?? (await call<{ id: string }>('portals.create', { slug, name }, 'mutation')).id;
      const draft = await call<{ revision: number }>('portals.getDraft', { id }, 'query');
      await call('portals.saveDraft', { id, baseRevision: draft.revision, document }, 'mutation');
      await call('portals.publish', { id, note: 'e2e' }, 'mutation');
      return id;
    },
  };
}
