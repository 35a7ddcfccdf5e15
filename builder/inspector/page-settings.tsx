// With no block selected, the inspector shows the current page: title, path, icon, whether it is in
// the navigation, and who may open it. Edits dispatch `updatePage`; typing is one undo step.
import { FileText, MousePointerClick } from 'lucide-react';
import { useCallback, useId, type ChangeEvent } from 'react';
import { Icon, iconNames } from '../../blocks/_lib/icons';
import { pickText, type Page, type Visibility } from '../../core';
import type { PagePatch } from '../store/actions';
import { editorStore, useEditor } from '../store/editor-store';
import { controlAria, FieldFrame } from './field-frame';
import { labelOfOption } from './field-model';
import { hasParams, primaryLocale, validatePagePath, validatePageTitle, withTitle } from './page-model';
import { formatText, useDraft } from './use-draft';
import { useRoleKeys } from './use-role-keys';
import { VisibilityPanel } from './visibility-panel';

/** Applies a page edit; the refusal message when the store declines it. */
function updatePage(pageId: string, patch: PagePatch, coalesce?: string): string | null {
  const s = editorStore.getState();
  const ok = s.dispatch({ type: 'updatePage', pageId, patch }, coalesce ? { coalesce } : {});
  return ok ? null : (editorStore.getState().lastError ?? 'the change was refused');
}

const selectPage = (s: { doc: { pages: Page[] } | null; pageId: string | null }) => s.doc?.pages.find((p) => p.id === s.pageId);

export function PageSettings() {
  const page = useEditor(selectPage);
  const locale = useEditor((s) => (s.doc ? primaryLocale(s.doc) : 'en'));
  if (!page) {
    return (
      <div className="insp__empty">
        <p className="muted">No page is open.</p>
      </div>
    );
  }
  return <PageForm key={page.id} page={page} locale={locale} />;
}

function PageForm({ page, locale }: { page: Page; locale: string }) {
  const id = useId();
  const pageId = page.id;
  const isHome = page.path === '/';
  const title = pickText(page.title, locale);
  const titleDraft = useDraft(title, formatText);
  const pathDraft = useDraft(page.path, formatText);
  const paramPath = hasParams(page.path);
  const roleKeys = useRoleKeys();
  const onVisibility = useCallback((visibility: Visibility | undefined) => void updatePage(pageId, { visibility }), [pageId]);

  const onTitle = (e: ChangeEvent<HTMLInputElement>) => {
    const text = e.currentTarget.value;
    const problem = validatePageTitle(text);
    const refused = problem ?? updatePage(pageId, { title: withTitle(page.title, locale, text) }, `page.${pageId}.title`);
    titleDraft.record(text, refused ? { ok: false, message: refused } : { ok: true, value: text });
  };
  const onPath = (e: ChangeEvent<HTMLInputElement>) => {
    const text = e.currentTarget.value;
    const pages = editorStore.getState().doc?.pages ?? [];
    const problem = validatePagePath(text, pages, pageId, locale);
    // A page with parameters shows one record; it leaves the navigation in the same step.
    const patch: PagePatch = hasParams(text) && page.inNav ? { path: text, inNav: false } : { path: text };
    const refused = problem ?? updatePage(pageId, patch, `page.${pageId}.path`);
    pathDraft.record(text, refused ? { ok: false, message: refused } : { ok: true, value: text });
  };
  const onIcon = (e: ChangeEvent<HTMLSelectElement>) => {
    const icon = e.currentTarget.value;
    updatePage(pageId, { icon: icon === 'none' ? undefined : icon });
  };

  const iconValue = page.icon && (iconNames as readonly string[]).includes(page.icon) ? page.icon : 'none';
  const pathHelp = isHome
    ? 'The home page always lives at "/".'
    : 'Lower-case words separated by "/", like /invoices. A part starting with ":" (/contracts/:id) stands for a record.';
  const navHelp = paramPath
    ? 'Pages with a parameter in their path show one record (say, one contract); people reach them from a list, so they cannot be in the navigation.'
    : 'Shown in the portal’s menu. Reorder the menu in the Pages panel.';
  return (
    <>
      <header className="insp__header">
        <span className="insp__icon" aria-hidden="true">
          <FileText />
        </span>
        <div className="insp__heading-text">
          <h2 className="insp__title">{title || 'Untitled page'}</h2>
          <p className="insp__desc mono">{page.path}</p>
        </div>
      </header>
      <div className="insp__hint">
        <MousePointerClick aria-hidden="true" />
        <p>Select a block on the canvas or in the outline to edit it. Here you edit the page itself.</p>
      </div>

      <section className="insp__section" aria-labelledby={`${id}-page`}>
        <h3 className="insp__section-title" id={`${id}-page`}>
          Page
        </h3>
        <FieldFrame id={`${id}-title`} label="Title" error={titleDraft.error}>
          <input className="input" type="text" autoComplete="off" {...controlAria(`${id}-title`, undefined, titleDraft.error)} value={titleDraft.text} onChange={onTitle} onBlur={titleDraft.settle} />
        </FieldFrame>
        <FieldFrame id={`${id}-path`} label="Path" help={pathHelp} error={pathDraft.error}>
          <input
            className="input mono"
            type="text"
            autoComplete="off"
            spellCheck={false}
            readOnly={isHome}
            {...controlAria(`${id}-path`, pathHelp, pathDraft.error)}
            value={pathDraft.text}
            onChange={onPath}
            onBlur={pathDraft.settle}
          />
        </FieldFrame>
        <FieldFrame id={`${id}-icon`} label="Icon" error={null}>
          <div className="insp-icon-select">
            {iconValue === 'none' ? null : (
              <span className="insp-icon-select__preview" aria-hidden="true">
                <Icon name={iconValue as (typeof iconNames)[number]} />
              </span>
            )}
            <select className="select" id={`${id}-icon`} value={iconValue} onChange={onIcon}>
              <option value="none">No icon</option>
              {iconNames.map((n) => (
                <option key={n} value={n}>
                  {labelOfOption(n)}
                </option>
              ))}
            </select>
          </div>
        </FieldFrame>
        <FieldFrame id={`${id}-nav`} label="Show in navigation" help={navHelp} error={null} inline>
          <input
            type="checkbox"
            role="switch"
            className="switch"
            {...controlAria(`${id}-nav`, navHelp, null)}
            checked={page.inNav}
            disabled={paramPath && !page.inNav}
            onChange={(e) => updatePage(pageId, { inNav: e.currentTarget.checked })}
          />
        </FieldFrame>
      </section>

      <section className="insp__section" aria-labelledby={`${id}-vis`}>
        <h3 className="insp__section-title" id={`${id}-vis`}>
          Who can open this page
        </h3>
        <VisibilityPanel value={page.visibility} onChange={onVisibility} subject="page" knownRoles={roleKeys} />
      </section>
    </>
  );
}
