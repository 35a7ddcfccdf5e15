// The end-user page: skip link, header with the portal's name, navigation and account entry, the
// page's blocks (or an account page). Pure: the same payload renders the same markup on the server
// and in the browser.
import { useMemo } from 'react';
import type { PagePayload } from '../core';
import { AccountMenu } from './account/account-menu';
import { AccountPage } from './account/account-pages';
import { BlockTree } from './block-tree';
import { renderContextFor, type ClientCalls } from './render-context';

export function PortalApp({ payload, client }: { payload: PagePayload; client?: ClientCalls }) {
  const ctx = useMemo(() => renderContextFor(payload, client), [payload, client]);
  const { portal, page, nav, theme } = payload;
  const homeHref = ctx.href('/');
  return (
    <div className="pt-app">
      <a className="pt-skip" href="#main">
        Skip to content
      </a>
      <header className="pt-header">
        <div className="pt-header__inner">
          <a className="pt-brand" href={homeHref}>
            {theme.logo ? <img className="pt-brand__logo" src={theme.logo} alt="" width={32} height={32} /> : <span className="pt-brand__mark" aria-hidden="true">{portal.name.slice(0, 1)}</span>}
            <span className="pt-brand__name">{portal.name}</span>
          </a>
          {nav.length > 0 ? (
            <nav className="pt-nav" aria-label="Main">
              <ul>
                {nav.map((item) => (
                  <li key={item.id}>
                    <a href={item.href} aria-current={item.current ? 'page' : undefined}>
                      {item.title}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <AccountMenu payload={payload} href={ctx.href} />
        </div>
      </header>
      <main id="main" className="pt-main" tabIndex={-1}>
        {payload.auth ? (
          <AccountPage payload={payload} view={payload.auth} />
        ) : payload.status === 404 ? (
          <NotFound homeHref={homeHref} />
        ) : page.blocks.length > 0 ? (
          <BlockTree nodes={page.blocks} ctx={ctx} data={payload.data} can={payload.can} />
        ) : (
          <div className="pt-empty">
            <h1>{page.title}</h1>
          </div>
        )}
      </main>
    </div>
  );
}

function NotFound({ homeHref }: { homeHref: string }) {
  return (
    <div className="pt-notfound">
      <p className="pt-notfound__code">404</p>
      <h1>Page not found</h1>
      <p>The page you are looking for does not exist or is not available to you.</p>
      <a className="pt-notfound__home" href={homeHref}>
        Go to the home page
      </a>
    </div>
  );
}
