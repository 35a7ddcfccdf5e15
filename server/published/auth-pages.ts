// The portal's own account pages: `{base}/login`, `/register`, `/forgot-password`,
// `/reset-password?token=`, `/invite/:token`, `/confirm-email?token=`, `/magic-link?token=`,
// `/profile`. They take precedence over document pages of the same path. Opening a link only looks
// at its token (GET changes nothing); the form on the page redeems it. Also the one place that
// turns a `next` parameter into a target: same portal, relative, never another site.
import type { AuthView } from '../../core';
import { MIN_PASSWORD_LENGTH } from '../auth/password';
import type { PortalSession } from '../auth/portal-sessions';
import type { Db } from '../db/database';
import { peekToken } from '../services/portal-users';
import type { ResolvedPortal } from './resolve-portal';

const PROBE_ORIGIN = 'http://portal.invalid';
const AUTH_PATH = /^\/(login|register|forgot-password|reset-password|invite|confirm-email|magic-link|profile)(\/|$)/;
/** Pages that make no sense to return to after signing in. */
const NO_RETURN = /^\/(login|register|forgot-password|reset-password|invite|confirm-email|magic-link|_api)(\/|$)/;

/**
 * A portal-relative path to go to after signing in, or '/'. Anything that could leave the portal is
 * refused: absolute and protocol-relative URLs (`//evil`, `/\evil`), schemes, control characters and
 * whitespace, and the account pages themselves (no loops).
 */
export function safeNext(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 500) return '/';
  if (!raw.startsWith('/') || raw.startsWith('//') || /[\\\s]/.test(raw) || [...raw].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return '/';
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== PROBE_ORIGIN) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (NO_RETURN.test(url.pathname)) return '/';
  return path;
}

/** Where an anonymous visitor goes for a page that needs a signed-in user: the sign-in page, then back. */
export function loginUrl(portal: Pick<ResolvedPortal, 'basePath'>, relativeUrl: string): string {
  const next = safeNext(relativeUrl);
  return `${portal.basePath}/login${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`;
}

export type AuthPage = { view: AuthView; title: string } | { redirect: string };

const firstString = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');

/**
 * The account page for a portal-relative path, or null when the path is not one. With registration
 * or magic links switched off their paths answer "not found" (documents cannot take them: core's
 * RESERVED_PAGE_SEGMENTS).
 * Signed-in users are sent on from the sign-in and registration pages; anonymous visitors go from
 * the profile to sign-in.
 */
export async function resolveAuthPage(
  db: Db,
  portal: ResolvedPortal,
  path: string,
  query: Record<string, unknown>,
  session: PortalSession | null,
): Promise<AuthPage | null> {
  const m = AUTH_PATH.exec(path);
  if (!m) return null;
  const kind = m[1]!;
  const rest = path.slice(kind.length + 1);
  // Only /invite has a sub-path (the token).
  if (rest === '' ? kind === 'invite' : kind !== 'invite' || rest.slice(1).includes('/')) return null;
  const { settings, basePath } = portal;
  const token = firstString(query.token);
  const min = MIN_PASSWORD_LENGTH;
  const peek = async (purpose: 'reset-password' | 'invite' | 'confirm-email' | 'magic-link', t: string) => peekToken(db, { portalId: portal.id, purpose, token: t });

  switch (kind) {
    case 'login': {
      const next = safeNext(firstString(query.next));
      if (session) return { redirect: `${basePath}${next}` };
      return { title: 'Sign in', view: { kind: 'login', next, allowRegistration: settings.allowRegistration, magicLink: settings.magicLink } };
    }
    case 'register':
      if (!settings.allowRegistration) return null;
      if (session) return { redirect: `${basePath}/` };
      return { title: 'Create an account', view: { kind: 'register', minPasswordLength: min } };
    case 'forgot-password':
      return { title: 'Reset your password', view: { kind: 'forgot-password' } };
    case 'reset-password': {
      const owner = await peek('reset-password', token);
      return { title: 'Choose a new password', view: { kind: 'reset-password', token, valid: owner?.status === 'active', minPasswordLength: min } };
    }
    case 'invite': {
      const t = rest.slice(1);
      const owner = await peek('invite', t);
      const valid = owner?.status === 'invited';
      return {
        title: 'Accept your invitation',
        view: { kind: 'invite', token: t, valid, email: valid ? owner.email : '', name: valid ? owner.name : '', minPasswordLength: min },
      };
    }
    case 'confirm-email': {
      const owner = await peek('confirm-email', token);
      return { title: 'Confirm your email address', view: { kind: 'confirm-email', token, valid: !!owner && owner.status !== 'disabled' } };
    }
    case 'magic-link': {
      if (!settings.magicLink) return null;
      const owner = await peek('magic-link', token);
      return { title: 'Sign in', view: { kind: 'magic-link', token, valid: owner?.status === 'active', next: safeNext(firstString(query.next)) } };
    }
    case 'profile':
      if (!session) return { redirect: loginUrl(portal, '/profile') };
      return { title: 'Your profile', view: { kind: 'profile', name: session.name, email: session.email, minPasswordLength: min } };
  }
  return null;
}
