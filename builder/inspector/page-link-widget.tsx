// The page-link control: one of the portal's pages, chosen by title and path, or another address
// (https:, mailto:, tel:, or a portal path such as /contracts/42), validated with the prop's schema.
import { memo, useRef, useState, type ChangeEvent } from 'react';
import { type WidgetProps, attempt } from './basic-widgets';
import { hasParams } from './page-model';
import { controlAria, FieldFrame, sentence } from './field-frame';
import { formatText, useDraft } from './use-draft';
import { usePagesSummary } from './use-pages';

const OTHER = '\u0000other';

export const PageLinkWidget = memo(function PageLinkWidget({ id, field, value, path, issue, commit }: WidgetProps) {
  const { pages } = usePagesSummary();
  const linkable = pages.filter((p) => !hasParams(p.path));
  const current = formatText(value);
  const isPage = linkable.some((p) => p.path === current);
  const [other, setOther] = useState(!isPage && current !== '');
  const draft = useDraft(value, formatText);
  const addressInput = useRef<HTMLInputElement>(null);
  const error = draft.error ?? issue;
  const showAddress = other || (!isPage && current !== '');

  const onChoose = (e: ChangeEvent<HTMLSelectElement>) => {
    const choice = e.currentTarget.value;
    if (choice === OTHER) {
      setOther(true);
      // Let the address field appear, then put the cursor in it.
      requestAnimationFrame(() => addressInput.current?.focus());
      return;
    }
    setOther(false);
    commit(path, () => choice);
  };
  const onAddress = (e: ChangeEvent<HTMLInputElement>) => {
    const text = e.currentTarget.value;
    draft.record(text, attempt(commit, path, text, true));
  };

  const selectValue = showAddress ? OTHER : current;
  return (
    <FieldFrame id={id} label={field.label} help={field.help} error={showAddress ? null : error}>
      <select className="select" {...controlAria(id, field.help, showAddress ? null : error)} value={selectValue} onChange={onChoose}>
        {field.allowsEmpty ? <option value="">No link</option> : null}
        {!field.allowsEmpty && current === '' && !showAddress ? <option value="">Choose a page…</option> : null}
        <optgroup label="Pages">
          {linkable.map((p) => (
            <option key={p.id} value={p.path}>
              {`${p.title} — ${p.path}`}
            </option>
          ))}
        </optgroup>
        <option value={OTHER}>Another address…</option>
      </select>
      {showAddress ? (
        <div className="insp-subfield">
          <label className="insp-subfield__label" htmlFor={`${id}-address`}>
            Address
          </label>
          <input
            ref={addressInput}
            className="input"
            type="text"
            inputMode="url"
            spellCheck={false}
            autoComplete="off"
            placeholder="https://example.com, mailto:…, tel:…"
            {...controlAria(`${id}-address`, undefined, error)}
            value={draft.text}
            onChange={onAddress}
            onBlur={draft.settle}
          />
          {error ? (
            <p className="insp-field__error" id={`${id}-address-error`}>
              {sentence(error)}
            </p>
          ) : null}
        </div>
      ) : null}
    </FieldFrame>
  );
});
