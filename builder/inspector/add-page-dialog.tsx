// The "Add page" dialog: title, path (suggested from the title until edited), icon and whether the
// page is in the navigation. Validated inline like core's page schema; the path must be free.
import { useId, useState, type FormEvent } from 'react';
import { iconNames } from '../../blocks/_lib/icons';
import { newId, type Page } from '../../core';
import { editorStore } from '../store/editor-store';
import { Dialog } from '../ui/dialog';
import { toast } from '../ui/toasts';
import { controlAria, FieldFrame } from './field-frame';
import { labelOfOption } from './field-model';
import { hasParams, primaryLocale, suggestPath, validatePagePath, validatePageTitle } from './page-model';

const PATH_HELP = 'Lower-case words separated by "/", like /meter-readings. Use ":id" for a page that shows one record: /contracts/:id.';

export function AddPageDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      title="Add a page"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn--primary" form="insp-add-page">
            Add page
          </button>
        </>
      }
    >
      {open ? <AddPageForm onDone={onClose} /> : null}
    </Dialog>
  );
}

function AddPageForm({ onDone }: { onDone: () => void }) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [path, setPath] = useState('');
  const [pathEdited, setPathEdited] = useState(false);
  const [icon, setIcon] = useState('none');
  const [inNav, setInNav] = useState(true);
  const [submitted, setSubmitted] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const doc = editorStore.getState().doc;
  const pages = doc?.pages ?? [];
  const locale = doc ? primaryLocale(doc) : 'en';
  const effectivePath = pathEdited ? path : title.trim() ? suggestPath(title, pages) : '';
  const titleError = submitted || title !== '' ? validatePageTitle(title) : null;
  const pathError = submitted || pathEdited ? validatePagePath(effectivePath, pages, null, locale) : null;
  const params = hasParams(effectivePath);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (validatePageTitle(title) || validatePagePath(effectivePath, pages, null, locale)) return;
    const page: Page = { id: newId('p'), path: effectivePath, title: { [locale]: title.trim() }, inNav: inNav && !params, blocks: [] };
    if (icon !== 'none') page.icon = icon;
    const s = editorStore.getState();
    if (!s.dispatch({ type: 'addPage', page })) {
      setRefusal(editorStore.getState().lastError ?? 'The page could not be added.');
      return;
    }
    s.setPage(page.id);
    toast(`Page "${title.trim()}" added.`);
    onDone();
  };

  const navHelp = params
    ? 'Pages with a parameter in their path show one record and are opened from a list, so they cannot be in the navigation.'
    : 'Adds the page at the end of the portal’s menu.';
  return (
    <form id="insp-add-page" className="insp-dialog-form" onSubmit={submit} noValidate>
      <FieldFrame id={`${id}-title`} label="Title" error={titleError}>
        <input className="input" type="text" autoComplete="off" autoFocus {...controlAria(`${id}-title`, undefined, titleError)} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
      </FieldFrame>
      <FieldFrame id={`${id}-path`} label="Path" help={PATH_HELP} error={pathError}>
        <input
          className="input mono"
          type="text"
          autoComplete="off"
          spellCheck={false}
          placeholder="/my-page"
          {...controlAria(`${id}-path`, PATH_HELP, pathError)}
          value={effectivePath}
          onChange={(e) => {
            setPathEdited(true);
            setPath(e.currentTarget.value);
          }}
        />
      </FieldFrame>
      <FieldFrame id={`${id}-icon`} label="Icon" error={null}>
        <select className="select" id={`${id}-icon`} value={icon} onChange={(e) => setIcon(e.currentTarget.value)}>
          <option value="none">No icon</option>
          {iconNames.map((n) => (
            <option key={n} value={n}>
              {labelOfOption(n)}
            </option>
          ))}
        </select>
      </FieldFrame>
      <FieldFrame id={`${id}-nav`} label="Show in navigation" help={navHelp} error={null} inline>
        <input type="checkbox" role="switch" className="switch" {...controlAria(`${id}-nav`, navHelp, null)} checked={inNav && !params} disabled={params} onChange={(e) => setInNav(e.currentTarget.checked)} />
      </FieldFrame>
      {refusal ? (
        <p className="form-error" role="alert">
          {refusal}
        </p>
      ) : null}
    </form>
  );
}
