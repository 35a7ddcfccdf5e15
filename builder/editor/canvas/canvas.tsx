// The canvas: the current page rendered with the real blocks, the portal's theme and a placeholder
// user, in a frame as wide as the chosen viewport. The frame is a size container named `page`, like
// the runtime's page column, so blocks lay out by the width they get. Clicking selects; links and
// forms inside blocks do nothing here.
import { useQuery } from '@tanstack/react-query';
import { memo, useMemo, useRef, type MouseEvent, type SyntheticEvent } from 'react';
import { pickText, themeToCss, type PortalDocument } from '../../../core';
import type { RenderContext } from '../../../blocks';
import { useTRPC } from '../../api';
import { editorStore, selectPageBlocks, useEditor, type Viewport } from '../../store/editor-store';
import { isDragging, REGION, useDnd, useDropRegion } from '../dnd';
import { CanvasRenderContext, NodeList } from './block-view';
import { DropLine } from './drop-line';
import './block-styles';
import './canvas.css';

const PLACEHOLDER_USER = { firstName: 'Alex', lastName: 'Morgan', email: 'alex.morgan@example.com' };

export const VIEWPORT_WIDTH: Record<Viewport, number | null> = { desktop: null, tablet: 768, mobile: 390 };

export function Canvas() {
  const loaded = useEditor((s) => s.doc !== null);
  const blocks = useEditor(selectPageBlocks);
  const theme = useEditor((s) => s.doc?.theme);
  const viewport = useEditor((s) => s.viewport);
  const portalId = useEditor((s) => s.portalId);
  const trpc = useTRPC();
  const portal = useQuery({ ...trpc.portals.get.queryOptions({ id: portalId ?? '' }), enabled: portalId !== null });
  const name = portal.data?.name ?? 'Portal';
  const slug = portal.data?.slug ?? 'portal';
  const locale = portal.data?.settings.defaultLocale ?? 'en';
  const ctx = useMemo<RenderContext>(
    () => ({
      mode: 'builder',
      locale,
      portal: { name, slug, basePath: '' },
      user: PLACEHOLDER_USER,
      href: (path) => `#${path}`,
      t: (text) => pickText(text, locale),
      params: {},
    }),
    [name, slug, locale],
  );
  const themeCss = useMemo(() => (theme ? themeToCss(theme, '.cv-frame') : ''), [theme]);
  const setPointerRegion = useDropRegion(REGION.canvas);
  const setKeyboardRegion = useDropRegion(REGION.canvasKeyboard);
  const hovered = useRef<HTMLElement | null>(null);

  const hover = (el: HTMLElement | null) => {
    if (el === hovered.current) return;
    hovered.current?.removeAttribute('data-hover');
    el?.setAttribute('data-hover', '');
    hovered.current = el;
  };
  const onMouseOver = (e: MouseEvent) => hover(isDragging() ? null : (e.target as Element).closest<HTMLElement>('[data-cv-node]'));
  const onClick = (e: MouseEvent) => {
    const el = (e.target as Element).closest<HTMLElement>('[data-cv-node]');
    editorStore.getState().select(el?.dataset.cvNode ?? null);
  };
  // Blocks are live markup: their links, buttons and forms must not navigate inside the builder.
  const onClickCapture = (e: MouseEvent) => {
    if ((e.target as Element).closest('.cv-frame a[href], .cv-frame button[type="submit"]')) e.preventDefault();
  };
  const prevent = (e: SyntheticEvent) => e.preventDefault();

  if (!loaded) return <div className="cv" aria-busy="true" />;
  const width = VIEWPORT_WIDTH[viewport];
  return (
    <div className="cv" ref={setKeyboardRegion}>
      <div className="cv-scroll" data-dnd-scroll="" onClick={onClick} onClickCapture={onClickCapture} onAuxClick={prevent} onSubmitCapture={prevent} onMouseOver={onMouseOver} onMouseLeave={() => hover(null)}>
        <div className={`cv-stage cv-stage--${viewport}`}>
          <div className="cv-frame" style={width ? { width } : undefined} data-viewport={viewport}>
            <style>{themeCss}</style>
            <CanvasHeader name={name} />
            <div className="cv-main" data-cv-main="" ref={setPointerRegion}>
              <CanvasRenderContext value={ctx}>{blocks.length ? <NodeList nodes={blocks} /> : <EmptyPage />}</CanvasRenderContext>
            </div>
          </div>
          <DropLine />
        </div>
      </div>
    </div>
  );
}

/** The portal's header as visitors see it (brand and navigation), for context; not editable here. */
const CanvasHeader = memo(function CanvasHeader({ name }: { name: string }) {
  // A string key keeps this from re-rendering on edits that do not touch the navigation.
  const navKey = useEditor((s) => navigationKey(s.doc, s.pageId));
  const logo = useEditor((s) => s.doc?.theme.logo ?? '');
  const nav = useMemo(() => JSON.parse(navKey) as { id: string; title: string; current: boolean }[], [navKey]);
  return (
    <header className="cv-header">
      <div className="cv-header__inner">
        <span className="cv-brand">
          {logo ? <img className="cv-brand__logo" src={logo} alt="" width={32} height={32} /> : <span className="cv-brand__mark" aria-hidden="true">{name.slice(0, 1)}</span>}
          <span>{name}</span>
        </span>
        {nav.length > 0 ? (
          <nav className="cv-nav" aria-label="Portal navigation (preview)">
            {nav.map((item) => (
              <span key={item.id} className="cv-nav__item" aria-current={item.current ? 'page' : undefined}>
                {item.title}
              </span>
            ))}
          </nav>
        ) : null}
      </div>
    </header>
  );
});

function navigationKey(doc: PortalDocument | null, pageId: string | null): string {
  if (!doc) return '[]';
  const items = doc.navigation.flatMap((id) => {
    const page = doc.pages.find((p) => p.id === id);
    return page ? [{ id, title: pickText(page.title, 'en'), current: id === pageId }] : [];
  });
  return JSON.stringify(items);
}

function EmptyPage() {
  const over = useDnd((s) => s.target?.kind === 'position' && s.target.position.parentId === null);
  return (
    <div className={`cv-empty cv-empty--page${over ? ' cv-empty--over' : ''}`} data-cv-empty="" data-parent="">
      <strong>This page is empty</strong>
      <span>Drag a block here from the Blocks panel, or select one there and press Enter.</span>
    </div>
  );
}
