// A small router for the builder's paths under /admin/ (history API, no dependency).
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  notify();
}

export function usePath(): string {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => location.pathname,
  );
}

export type Route =
  | { name: 'portals' }
  | { name: 'workspace'; portalId: string; section: WorkspaceSection; rest: string[] }
  | { name: 'not-found' };

export const SECTIONS = ['pages', 'theme', 'roles', 'users', 'data', 'settings', 'versions'] as const;
/** Views reached from inside a section rather than from the top bar, with the section they belong to. */
export const SUB_SECTIONS = { outbox: 'users' } as const satisfies Record<string, (typeof SECTIONS)[number]>;
export type WorkspaceSection = (typeof SECTIONS)[number] | keyof typeof SUB_SECTIONS;

/** The top-bar section a view belongs to: itself, or the section a sub-section lives in. */
export const topSectionOf = (section: WorkspaceSection): (typeof SECTIONS)[number] =>
  Object.hasOwn(SUB_SECTIONS, section) ? SUB_SECTIONS[section as keyof typeof SUB_SECTIONS] : (section as (typeof SECTIONS)[number]);

export function parseRoute(pathname: string): Route {
  const parts = pathname.replace(/^\/admin\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'portals' };
  if (parts[0] === 'portals' && parts[1]) {
    const section = (parts[2] ?? 'pages') as WorkspaceSection;
    if (!(SECTIONS as readonly string[]).includes(section) && !Object.hasOwn(SUB_SECTIONS, section)) return { name: 'not-found' };
    return { name: 'workspace', portalId: parts[1], section, rest: parts.slice(3) };
  }
  return { name: 'not-found' };
}

export const hrefs = {
  portals: () => '/admin/',
  section: (portalId: string, section: WorkspaceSection, ...rest: string[]) =>
    `/admin/portals/${encodeURIComponent(portalId)}/${section}${rest.map((r) => `/${encodeURIComponent(r)}`).join('')}`,
};

/** A click handler for in-app links: plain clicks navigate without reloading. */
export function onLinkClick(e: React.MouseEvent<HTMLAnchorElement>): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  navigate(e.currentTarget.pathname);
}
