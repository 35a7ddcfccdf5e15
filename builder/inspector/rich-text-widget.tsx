// A small rich-text editor: a contenteditable with a toolbar (bold, italic, heading, bulleted and
// numbered list, link). Its output goes through cleanRichHtml, so only simple HTML is stored; pasted
// and dropped content arrives as plain text. The editor is uncontrolled while typing: the stored
// value is written into it only when it changes from elsewhere (first load, undo).
import { Bold, Heading2, Italic, Link, List, ListOrdered } from 'lucide-react';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type ClipboardEvent, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { isSafeHref, SAFE_HREF_MESSAGE } from '../../blocks/_lib/safe-href';
import { type WidgetProps } from './basic-widgets';
import { controlAria, FieldFrame, sentence } from './field-frame';
import { cleanHtml } from '../ui/clean-html';
import { cleanRichHtml, escapeText, plainTextToHtml } from './rich-text-html';
import { formatText } from './use-draft';

type Format = 'bold' | 'italic' | 'heading' | 'bullets' | 'numbers' | 'link';
type Active = Record<Format, boolean>;
const NONE: Active = { bold: false, italic: false, heading: false, bullets: false, numbers: false, link: false };

/** Stored HTML made safe to load into the editor: parsed inert, then reduced to the allowlist. */
const toEditorHtml = cleanHtml;

function closestLink(node: Node | null, root: HTMLElement): HTMLAnchorElement | null {
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) if (n instanceof HTMLAnchorElement) return n;
  return null;
}

function readActive(root: HTMLElement): Active {
  const sel = document.getSelection();
  if (!sel || !sel.anchorNode || !root.contains(sel.anchorNode)) return NONE;
  const block = String(document.queryCommandValue('formatBlock')).toLowerCase();
  return {
    bold: document.queryCommandState('bold'),
    italic: document.queryCommandState('italic'),
    heading: block === 'h2' || block === 'h3',
    bullets: document.queryCommandState('insertUnorderedList'),
    numbers: document.queryCommandState('insertOrderedList'),
    link: !!closestLink(sel.anchorNode, root),
  };
}

const sameActive = (a: Active, b: Active) => (Object.keys(a) as Format[]).every((k) => a[k] === b[k]);

export const RichTextWidget = memo(function RichTextWidget({ id, field, value, path, issue, commit }: WidgetProps) {
  const editor = useRef<HTMLDivElement>(null);
  const toolbar = useRef<HTMLDivElement>(null);
  /** The HTML the editor last loaded or sent: a stored value equal to it needs no reload. */
  const shown = useRef<string | null>(null);
  const savedRange = useRef<Range | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState<Active>(NONE);
  const [link, setLink] = useState<{ href: string; error: string | null; existing: boolean } | null>(null);
  const html = formatText(value);
  const shownError = error ?? issue;

  useLayoutEffect(() => {
    const el = editor.current;
    if (!el || shown.current === html) return;
    el.innerHTML = toEditorHtml(html);
    shown.current = html;
  }, [html]);

  const emit = useCallback(() => {
    const el = editor.current;
    if (!el) return;
    const next = cleanRichHtml(el);
    if (next === shown.current) return;
    const message = commit(path, () => next, { coalesce: true });
    setError(message);
    if (!message) shown.current = next;
  }, [commit, path]);

  const refreshActive = useCallback(() => {
    const el = editor.current;
    if (!el) return;
    const next = readActive(el);
    setActive((prev) => (sameActive(prev, next) ? prev : next));
  }, []);

  useEffect(() => {
    document.addEventListener('selectionchange', refreshActive);
    return () => document.removeEventListener('selectionchange', refreshActive);
  }, [refreshActive]);

  const run = (command: string, arg?: string) => {
    editor.current?.focus();
    document.execCommand(command, false, arg);
    emit();
    refreshActive();
  };

  const apply = (format: Format) => {
    if (format === 'bold') run('bold');
    else if (format === 'italic') run('italic');
    else if (format === 'heading') run('formatBlock', active.heading ? 'p' : 'h2');
    else if (format === 'bullets') run('insertUnorderedList');
    else if (format === 'numbers') run('insertOrderedList');
    else openLink();
  };

  const openLink = () => {
    const el = editor.current;
    const sel = document.getSelection();
    if (!el) return;
    savedRange.current = sel && sel.rangeCount && el.contains(sel.anchorNode) ? sel.getRangeAt(0).cloneRange() : null;
    const existing = closestLink(sel?.anchorNode ?? null, el);
    setLink({ href: existing?.getAttribute('href') ?? '', error: null, existing: !!existing });
  };

  const restoreSelection = () => {
    const el = editor.current;
    el?.focus();
    const sel = document.getSelection();
    if (sel && savedRange.current) {
      sel.removeAllRanges();
      sel.addRange(savedRange.current);
    }
    return { el, sel };
  };

  const closeLink = () => {
    setLink(null);
    restoreSelection();
  };

  const applyLink = () => {
    if (!link) return;
    const href = link.href.trim();
    if (!isSafeHref(href)) {
      setLink({ ...link, error: SAFE_HREF_MESSAGE });
      return;
    }
    const { el, sel } = restoreSelection();
    if (!el) return;
    const existing = closestLink(sel?.anchorNode ?? null, el);
    if (existing && sel?.isCollapsed) existing.setAttribute('href', href);
    else if (!sel || sel.isCollapsed || !savedRange.current) document.execCommand('insertHTML', false, `<a href="${escapeText(href).replace(/"/g, '&quot;')}">${escapeText(href)}</a>`);
    else document.execCommand('createLink', false, href);
    setLink(null);
    emit();
    refreshActive();
  };

  const removeLink = () => {
    const { el, sel } = restoreSelection();
    if (!el || !sel) return;
    const existing = closestLink(sel.anchorNode, el);
    if (existing && sel.isCollapsed) {
      const range = document.createRange();
      range.selectNodeContents(existing);
      sel.removeAllRanges();
      sel.addRange(range);
    }
    document.execCommand('unlink');
    setLink(null);
    emit();
    refreshActive();
  };

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    // Pasted markup (from Word, web pages) would bring fonts, colours and layout: keep the text only.
    e.preventDefault();
    const text = e.clipboardData.getData('text/plain');
    if (!text) return;
    if (/\n\s*\n/.test(text)) document.execCommand('insertHTML', false, plainTextToHtml(text));
    else document.execCommand('insertText', false, text);
    emit();
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    const text = e.dataTransfer.getData('text/plain');
    if (!text) return;
    const range = document.caretRangeFromPoint?.(e.clientX, e.clientY);
    const sel = document.getSelection();
    if (range && sel) {
      sel.removeAllRanges();
      sel.addRange(range);
    }
    document.execCommand('insertText', false, text);
    emit();
  };

  const onEditorKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
      e.preventDefault();
      openLink();
    }
  };

  const onToolbarKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const buttons = Array.from(toolbar.current?.querySelectorAll<HTMLButtonElement>('button') ?? []);
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : null;
    if (next === null || i < 0) return;
    e.preventDefault();
    buttons[(next + buttons.length) % buttons.length]?.focus();
  };

  const [focusIndex, setFocusIndex] = useState(0);
  const tool = (format: Format, label: string, shortcut: string, icon: ReactNode, index: number) => (
    <button
      key={format}
      type="button"
      className="insp-rich__tool"
      aria-label={label}
      aria-pressed={format === 'link' ? undefined : active[format]}
      aria-keyshortcuts={shortcut || undefined}
      title={shortcut ? `${label} (${shortcut.replace('Control', 'Ctrl')})` : label}
      tabIndex={index === focusIndex ? 0 : -1}
      onFocus={() => setFocusIndex(index)}
      // Keep the text selection: a button that takes focus would drop it.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => apply(format)}
    >
      {icon}
    </button>
  );

  const aria = controlAria(id, field.help, shownError);
  return (
    <FieldFrame id={id} label={field.label} help={field.help} error={shownError} labelFor={false}>
      <div className={`insp-rich${shownError ? ' insp-rich--invalid' : ''}`}>
        <div className="insp-rich__toolbar" role="toolbar" aria-label={`${field.label} formatting`} aria-controls={id} ref={toolbar} onKeyDown={onToolbarKeyDown}>
          {tool('bold', 'Bold', 'Control+B', <Bold aria-hidden="true" />, 0)}
          {tool('italic', 'Italic', 'Control+I', <Italic aria-hidden="true" />, 1)}
          {tool('heading', 'Heading', '', <Heading2 aria-hidden="true" />, 2)}
          <span className="insp-rich__sep" aria-hidden="true" />
          {tool('bullets', 'Bulleted list', '', <List aria-hidden="true" />, 3)}
          {tool('numbers', 'Numbered list', '', <ListOrdered aria-hidden="true" />, 4)}
          <span className="insp-rich__sep" aria-hidden="true" />
          {tool('link', active.link ? 'Edit link' : 'Link', 'Control+K', <Link aria-hidden="true" />, 5)}
        </div>
        <div
          ref={editor}
          {...aria}
          className="insp-rich__editor"
          contentEditable
          suppressContentEditableWarning
          role="textbox"
          aria-multiline="true"
          aria-labelledby={`${id}-label`}
          spellCheck
          onFocus={() => document.execCommand('defaultParagraphSeparator', false, 'p')}
          onInput={emit}
          onPaste={onPaste}
          onDrop={onDrop}
          onKeyDown={onEditorKeyDown}
        />
        {link ? (
          <div className="insp-rich__link" role="group" aria-label="Link">
            <label className="insp-subfield__label" htmlFor={`${id}-href`}>
              Link address
            </label>
            <input
              id={`${id}-href`}
              className="input"
              type="text"
              inputMode="url"
              spellCheck={false}
              autoComplete="off"
              placeholder="/invoices or https://…"
              autoFocus
              value={link.href}
              aria-invalid={link.error ? true : undefined}
              aria-describedby={link.error ? `${id}-href-error` : undefined}
              onChange={(e) => setLink({ ...link, href: e.currentTarget.value, error: null })}
              onKeyDown={(e) => {
                e.stopPropagation();
                if (e.key === 'Enter') {
                  e.preventDefault();
                  applyLink();
                } else if (e.key === 'Escape') {
                  e.preventDefault();
                  closeLink();
                }
              }}
            />
            {link.error ? (
              <p className="insp-field__error" id={`${id}-href-error`}>
                {sentence(link.error)}
              </p>
            ) : null}
            <div className="insp-rich__link-actions">
              <button type="button" className="btn btn--small btn--primary" onClick={applyLink}>
                Apply
              </button>
              {link.existing ? (
                <button type="button" className="btn btn--small" onClick={removeLink}>
                  Remove link
                </button>
              ) : null}
              <button type="button" className="btn btn--small btn--ghost" onClick={closeLink}>
                Cancel
              </button>
            </div>
          </div>
        ) : null}
      </div>
    </FieldFrame>
  );
});
