// A portal page as visitors see it, inside the builder: the theme as CSS custom properties on a
// wrapper, the blocks' own stylesheets, a header like the runtime's, and a page column that is a size
// container named `page` (runtime/styles/base.css .pt-main), so blocks lay out as they do live.
import type { CSSProperties, MouseEvent, ReactNode } from 'react';
import { themeToCssVars, type Theme } from '../../core';
import type { RenderContext } from '../../blocks';
import './shell.css';

// Every block's stylesheet, as the runtime bundles them. They only style `.pb-*` classes.
import.meta.glob('../../blocks/*/style.css', { eager: true });
import.meta.glob('../../blocks/_lib/*.css', { eager: true });

export type FrameNavItem = { id: string; title: string; current: boolean };

/** A RenderContext for previews: portal links stay inside the preview, as `#preview:/path`. */
export function previewContext(portal: { name: string; slug: string }, locale = 'en'): RenderContext {
  return {
    mode: 'runtime',
    locale,
    portal: { name: portal.name, slug: portal.slug, basePath: `/p/${portal.slug}` },
    // Placeholders like {{user.firstName}} need someone: a sample customer.
    user: { firstName: 'Jane', lastName: 'Doe', email: 'jane.doe@example.com' },
    href: (path) => (/^[a-z]+:/i.test(path) || path.startsWith('//') ? path : `#preview:${path}`),
    params: {},
    t: (text) => {
      if (text === undefined) return '';
      if (typeof text === 'string') return text;
      return text[locale] ?? Object.values(text)[0] ?? '';
    },
  };
}

export function ThemedFrame({
  theme,
  portalName,
  nav = [],
  onNavigate,
  children,
  className = '',
  label,
}: {
  theme: Theme;
  portalName: string;
  nav?: readonly FrameNavItem[];
  /** A click on a navigation item, or on a `#preview:/path` link inside the blocks. */
  onNavigate?: (target: { pageId: string } | { path: string }) => void;
  children: ReactNode;
  className?: string;
  label: string;
}) {
  const style = { ...themeToCssVars(theme), colorScheme: theme.mode === 'auto' ? 'light dark' : theme.mode } as CSSProperties;

  // Nothing in a preview may navigate the builder away; portal links switch the previewed page.
  const onClickCapture = (e: MouseEvent<HTMLDivElement>) => {
    const anchor = (e.target as Element).closest('a[href]');
    if (!anchor) return;
    e.preventDefault();
    const href = anchor.getAttribute('href') ?? '';
    if (href.startsWith('#preview:')) onNavigate?.({ path: href.slice('#preview:'.length).split(/[?#]/)[0] || '/' });
  };

  return (
    <div className={`sh-frame ${className}`} style={style} role="region" aria-label={label} onClickCapture={onClickCapture}>
      <div className="pt-header">
        <div className="pt-header__inner">
          <span className="pt-brand">
            {theme.logo ? (
              <img className="pt-brand__logo" src={theme.logo} alt="" width={32} height={32} />
            ) : (
              <span className="pt-brand__mark" aria-hidden="true">
                {portalName.trim().slice(0, 1).toUpperCase() || 'P'}
              </span>
            )}
            <span className="pt-brand__name">{portalName}</span>
          </span>
          {nav.length ? (
            <nav className="pt-nav" aria-label="Portal navigation (preview)">
              <ul>
                {nav.map((item) => (
                  <li key={item.id}>
                    <button type="button" aria-current={item.current ? 'page' : undefined} onClick={() => onNavigate?.({ pageId: item.id })}>
                      {item.title}
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </div>
      </div>
      <div className="sh-frame__main">{children}</div>
    </div>
  );
}
