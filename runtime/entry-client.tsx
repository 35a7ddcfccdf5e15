// Browser entry: hydrates the server-rendered page, then navigates between portal pages by fetching
// `portal.page` (the same filtered payload the server rendered) instead of reloading. A page that
// needs signing in (401) or anything unexpected falls back to a full load, where the server decides.
import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import { hydrateRoot } from 'react-dom/client';
import type { PagePayload } from '../core';
import { fetchBlockData, fetchPage, postAction } from './portal-api';
import type { ClientCalls } from './render-context';
import { PortalApp } from './portal-app';
import './styles/base.css';
import './styles/account.css';

// Every block's stylesheet, bundled into the runtime's one CSS file.
import.meta.glob('../blocks/*/style.css', { eager: true });
import.meta.glob('../blocks/_lib/*.css', { eager: true });

const dataEl = document.getElementById('portico-data');
const initial = JSON.parse(dataEl?.textContent ?? 'null') as PagePayload | null;

/** The portal-relative path of a link, when it is one the app can navigate to itself. */
function internalPath(anchor: HTMLAnchorElement, basePath: string): string | null {
  if (anchor.target && anchor.target !== '_self') return null;
  if (anchor.hasAttribute('download') || anchor.origin !== location.origin) return null;
  const path = anchor.pathname;
  const base = basePath === '' ? '' : basePath;
  if (base && path !== base && !path.startsWith(`${base}/`)) return null;
  const rel = path.slice(base.length) || '/';
  // Account pages and secure links load as documents: signing in or out changes what every page shows.
  if (/^\/(_api|_assets|_files|uploads|s|login|logout|register|forgot-password|reset-password|invite|confirm-email|magic-link|profile)(\/|$)/.test(rel)) return null;
  return rel;
}

/** The current portal-relative path. */
const currentPath = (basePath: string) => location.pathname.slice(basePath.length) || '/';

function ClientApp({ first }: { first: PagePayload }) {
  const [payload, setPayload] = useState(first);
  const navigate = useRef<(path: string, href: string) => Promise<void>>(async () => {});

  // Actions and data reloads of the blocks: after an action the page is loaded again, so every
  // block shows the change (an accepted offer, a paid invoice) — or the action's redirect opens.
  const client = useMemo<ClientCalls>(() => {
    const basePath = first.portal.basePath;
    return {
      runAction: async (blockId, action, input, idempotencyKey) => {
        const outcome = await postAction(basePath, { path: currentPath(basePath), blockId, action, input, idempotencyKey });
        if (outcome.ok && outcome.redirect) {
          await navigate.current(outcome.redirect, `${basePath}${outcome.redirect}`);
        } else if (outcome.ok) {
          try {
            const next = await fetchPage(basePath, currentPath(basePath));
            startTransition(() => setPayload(next));
          } catch {
            // The action is done; the page shows the change at the next load.
          }
        }
        return outcome;
      },
      loadData: (blockId, query) => fetchBlockData(basePath, currentPath(basePath), blockId, query),
    };
  }, [first.portal.basePath]);

  useEffect(() => {
    // A marker for tests and monitoring: the page is interactive from here on.
    document.documentElement.dataset.hydrated = 'true';
  }, []);

  useEffect(() => {
    const basePath = first.portal.basePath;
    const go = async (path: string, href: string, push: boolean) => {
      try {
        const next = await fetchPage(basePath, path);
        startTransition(() => setPayload(next));
        if (push) history.pushState(null, '', href);
        document.title = `${next.page.title} · ${next.portal.name}`;
        window.scrollTo(0, 0);
        document.getElementById('main')?.focus({ preventScroll: true });
      } catch {
        // Anything unexpected: let the browser do a full navigation.
        location.assign(href);
      }
    };
    navigate.current = (path, href) => go(path, href, true);
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const anchor = (e.target as Element | null)?.closest?.('a[href]');
      if (!(anchor instanceof HTMLAnchorElement)) return;
      const path = internalPath(anchor, basePath);
      if (path === null || anchor.hash) return;
      e.preventDefault();
      void go(path, anchor.href, true);
    };
    const onPop = () => {
      const rel = location.pathname.slice(basePath.length) || '/';
      void go(rel, location.href, false);
    };
    document.addEventListener('click', onClick);
    window.addEventListener('popstate', onPop);
    return () => {
      document.removeEventListener('click', onClick);
      window.removeEventListener('popstate', onPop);
    };
  }, [first.portal.basePath]);

  return <PortalApp payload={payload} client={client} />;
}

const root = document.getElementById('app');
if (initial && root) hydrateRoot(root, <ClientApp first={initial} />);
