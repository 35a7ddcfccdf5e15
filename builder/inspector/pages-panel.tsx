// The pages panel: the portal's pages (open one, add one, remove one) and the navigation menu's
// order, changed with Move up / Move down buttons (keyboard friendly, announced to screen readers).
import { ArrowDown, ArrowUp, FileText, House, Lock, Plus, Trash2, X } from 'lucide-react';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Icon, iconNames, type IconName } from '../../blocks/_lib/icons';
import { countNodes } from '../../core';
import { editorStore, useEditor } from '../store/editor-store';
import { Dialog } from '../ui/dialog';
import { toast } from '../ui/toasts';
import { AddPageDialog } from './add-page-dialog';
import { hasParams, moveInNavigation, type PageSummary } from './page-model';
import { keepPanelKeys } from './panel-keys';
import { usePagesSummary } from './use-pages';
import './inspector.css';

const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

function PageIcon({ page }: { page: PageSummary }) {
  if ((iconNames as readonly string[]).includes(page.icon)) return <Icon name={page.icon as IconName} className="pages__glyph" />;
  return page.path === '/' ? <House className="pages__glyph" aria-hidden="true" /> : <FileText className="pages__glyph" aria-hidden="true" />;
}

function setNavigation(navigation: string[]): boolean {
  return editorStore.getState().dispatch({ type: 'setNavigation', navigation });
}

export function PagesPanel() {
  const id = useId();
  const { pages, navigation } = usePagesSummary();
  const currentId = useEditor((s) => s.pageId);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<{ page: PageSummary; blocks: number } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [navChoice, setNavChoice] = useState('');
  const byId = useMemo(() => new Map(pages.map((p) => [p.id, p])), [pages]);
  const addable = pages.filter((p) => !navigation.includes(p.id) && !hasParams(p.path));

  const askRemove = (page: PageSummary) => {
    const full = editorStore.getState().doc?.pages.find((p) => p.id === page.id);
    setRemoving({ page, blocks: full ? countNodes(full.blocks) : 0 });
  };
  const remove = () => {
    if (!removing) return;
    const s = editorStore.getState();
    const { page } = removing;
    setRemoving(null);
    if (!s.dispatch({ type: 'removePage', pageId: page.id })) {
      toast(editorStore.getState().lastError ?? 'The page could not be removed.', 'error');
      return;
    }
    // The editor must not stay on a page that no longer exists.
    if (s.pageId === page.id) {
      const home = editorStore.getState().doc?.pages.find((p) => p.path === '/') ?? editorStore.getState().doc?.pages[0];
      if (home) editorStore.getState().setPage(home.id);
    }
    toast(`Page "${page.title}" removed. Press Ctrl+Z to undo.`);
  };

  const move = (pageId: string, delta: number) => {
    const next = moveInNavigation(navigation, pageId, delta);
    if (next === navigation || !setNavigation(next)) return;
    const to = next.indexOf(pageId);
    setAnnouncement(`${byId.get(pageId)?.title ?? 'Page'} moved to position ${to + 1} of ${next.length}.`);
    // At either end the button used is disabled: keep focus on the row with its twin.
    const button = to === 0 ? 'down' : to === next.length - 1 ? 'up' : delta < 0 ? 'up' : 'down';
    focusLater(`${id}-nav-${pageId}-${button}`);
  };
  const takeOut = (pageId: string) => {
    const i = navigation.indexOf(pageId);
    if (!setNavigation(navigation.filter((n) => n !== pageId))) return;
    setAnnouncement(`${byId.get(pageId)?.title ?? 'Page'} taken out of the navigation.`);
    const neighbour = navigation[i + 1] ?? navigation[i - 1];
    focusLater(neighbour ? `${id}-nav-${neighbour}-out` : `${id}-nav-add`);
  };
  const addToNav = (e: FormEvent) => {
    e.preventDefault();
    if (!navChoice || !setNavigation([...navigation, navChoice])) return;
    setAnnouncement(`${byId.get(navChoice)?.title ?? 'Page'} added to the navigation.`);
    setNavChoice('');
  };

  return (
    <div className="pages" role="region" aria-labelledby={`${id}-title`} onKeyDown={keepPanelKeys}>
      <div className="pages__head">
        <h2 className="pages__title" id={`${id}-title`}>
          Pages
        </h2>
        <button type="button" className="btn btn--small" onClick={() => setAdding(true)}>
          <Plus aria-hidden="true" />
          Add page
        </button>
      </div>
      <ul className="pages__list">
        {pages.map((p) => {
          const current = p.id === currentId;
          return (
            <li key={p.id} className={`pages__item${current ? ' pages__item--current' : ''}`}>
              <button type="button" className="pages__open" aria-current={current ? 'page' : undefined} onClick={() => editorStore.getState().setPage(p.id)}>
                <PageIcon page={p} />
                <span className="pages__text">
                  <span className="pages__name">{p.title || 'Untitled page'}</span>
                  <span className="pages__path">{p.path}</span>
                </span>
                {p.restricted ? (
                  <span className="pages__flag" title="Only some users can open this page">
                    <Lock aria-hidden="true" />
                    <span className="visually-hidden">(restricted)</span>
                  </span>
                ) : null}
              </button>
              {p.path !== '/' ? (
                <button type="button" className="btn btn--ghost btn--icon btn--small pages__remove" aria-label={`Remove the page ${p.title}`} title="Remove page" onClick={() => askRemove(p)}>
                  <Trash2 aria-hidden="true" />
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>

      <section className="pages__nav" aria-labelledby={`${id}-nav`}>
        <h3 className="pages__subtitle" id={`${id}-nav`}>
          Navigation
        </h3>
        {navigation.length === 0 ? (
          <p className="pages__note">The portal’s menu is empty. Add pages to it below.</p>
        ) : (
          <ol className="pages__navlist">
            {navigation.map((pageId, i) => {
              const p = byId.get(pageId);
              const name = p?.title || 'Untitled page';
              return (
                <li key={pageId} className="pages__navitem">
                  <span className="pages__navpos" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span className="pages__navname">{name}</span>
                  <span className="pages__navtools">
                    <button type="button" id={`${id}-nav-${pageId}-up`} className="btn btn--ghost btn--icon btn--small" aria-label={`Move ${name} up`} title="Move up" disabled={i === 0} onClick={() => move(pageId, -1)}>
                      <ArrowUp aria-hidden="true" />
                    </button>
                    <button
                      type="button"
                      id={`${id}-nav-${pageId}-down`}
                      className="btn btn--ghost btn--icon btn--small"
                      aria-label={`Move ${name} down`}
                      title="Move down"
                      disabled={i === navigation.length - 1}
                      onClick={() => move(pageId, 1)}
                    >
                      <ArrowDown aria-hidden="true" />
                    </button>
                    <button type="button" id={`${id}-nav-${pageId}-out`} className="btn btn--ghost btn--icon btn--small" aria-label={`Take ${name} out of the navigation`} title="Take out of the navigation" onClick={() => takeOut(pageId)}>
                      <X aria-hidden="true" />
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
        )}
        {addable.length > 0 ? (
          <form className="pages__navadd" onSubmit={addToNav}>
            <label className="visually-hidden" htmlFor={`${id}-nav-add`}>
              Page to add to the navigation
            </label>
            <select id={`${id}-nav-add`} className="select" value={navChoice} onChange={(e) => setNavChoice(e.currentTarget.value)}>
              <option value="">Add a page to the menu…</option>
              {addable.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title || p.path}
                </option>
              ))}
            </select>
            <button type="submit" className="btn btn--small" disabled={!navChoice}>
              Add
            </button>
          </form>
        ) : null}
        <p className="pages__note">Pages with a parameter in their path, like /contracts/:id, show a single record and are opened from a list, so they cannot be in the navigation.</p>
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
      </section>

      <AddPageDialog open={adding} onClose={() => setAdding(false)} />
      <Dialog
        open={removing !== null}
        title={removing ? `Remove the page “${removing.page.title}”?` : 'Remove the page?'}
        onClose={() => setRemoving(null)}
        actions={
          <>
            <button type="button" className="btn" onClick={() => setRemoving(null)}>
              Cancel
            </button>
            <button type="button" className="btn btn--danger" onClick={remove}>
              Remove page
            </button>
          </>
        }
      >
        {removing ? (
          <p>
            The page <span className="mono">{removing.page.path}</span>
            {removing.blocks > 0 ? ` and its ${removing.blocks} block${removing.blocks === 1 ? '' : 's'}` : ''} will be removed from the draft
            {removing.page.inNav ? ' and from the navigation' : ''}. Links to it from other pages will stop working. You can undo this with Ctrl+Z.
          </p>
        ) : null}
      </Dialog>
    </div>
  );
}
