// Picking linked records by searching as you type (the ARIA combobox pattern: arrows, Enter,
// Escape). One record for a relation, any number for relations; the search is the records
// query's `search`, over the target type's title and identifier fields.
import { useQuery } from '@tanstack/react-query';
import { X } from 'lucide-react';
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTRPC } from '../api';
import { useRecordTitles } from './record-titles';

const PAGE = 8;

export function useDebounced<T>(value: T, ms = 250): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

export function RecordPicker({
  id,
  target,
  targetLabel,
  value,
  multiple,
  onChange,
  invalid,
  describedBy,
  labelledBy,
  disabled,
  placeholder,
}: {
  id: string;
  target: string;
  /** The target type's name, singular and plural ("account", "accounts"). */
  targetLabel: { singular: string; plural: string };
  value: readonly string[];
  multiple: boolean;
  onChange: (ids: string[]) => void;
  invalid?: boolean;
  describedBy?: string | undefined;
  labelledBy: string;
  disabled?: boolean;
  placeholder?: string;
}) {
  const trpc = useTRPC();
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useDebounced(text.trim());
  const titles = useRecordTitles(useMemo(() => new Map([[target, [...value]]]), [target, value]));
  const results = useQuery({
    ...trpc.records.list.queryOptions({ type: target, ...(search ? { search } : {}), fields: [], limit: PAGE + value.length }),
    enabled: open && !disabled,
    placeholderData: (prev) => prev,
  });
  const options = (results.data?.items ?? []).filter((r) => !value.includes(r.id)).slice(0, PAGE);
  const showInput = multiple || value.length === 0;
  const activeOption = open ? options[Math.min(active, options.length - 1)] : undefined;

  const choose = (recordId: string) => {
    onChange(multiple ? [...value, recordId] : [recordId]);
    setText('');
    setActive(0);
    if (!multiple) setOpen(false);
  };
  const remove = (recordId: string) => onChange(value.filter((v) => v !== recordId));

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) setOpen(true);
      else setActive((a) => Math.min(a + 1, Math.max(options.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      // Enter picks the highlighted record instead of submitting the form.
      if (open && activeOption) {
        e.preventDefault();
        choose(activeOption.id);
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
      }
    } else if (e.key === 'Backspace' && text === '' && multiple && value.length) {
      remove(value[value.length - 1]!);
    }
  };

  return (
    <div className={`dt-picker${invalid ? ' dt-picker--invalid' : ''}${disabled ? ' dt-picker--disabled' : ''}`}>
      {value.length ? (
        <ul className="dt-picker__chips" aria-label={multiple ? `Linked ${targetLabel.plural}` : `Linked ${targetLabel.singular}`}>
          {value.map((v) => (
            <li key={v} className="dt-picker__chip">
              <span className="dt-picker__chip-text">{titles.get(v) ?? <span className="muted">Loading…</span>}</span>
              {!disabled ? (
                <button type="button" className="dt-picker__chip-remove" aria-label={`Remove ${titles.get(v) ?? v}`} onClick={() => remove(v)}>
                  <X aria-hidden="true" />
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {showInput && !disabled ? (
        <div className="dt-picker__box">
          <input
            id={id}
            className="input dt-picker__input"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listId}
            aria-labelledby={labelledBy}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            aria-activedescendant={activeOption ? `${listId}-${activeOption.id}` : undefined}
            autoComplete="off"
            placeholder={placeholder ?? `Search ${targetLabel.plural.toLowerCase()}…`}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setActive(0);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onClick={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKey}
          />
          {open ? (
            <ul id={listId} role="listbox" className="dt-picker__list" aria-label={`${targetLabel.plural} matching the search`}>
              {results.isPending ? (
                <li className="dt-picker__note" role="presentation">
                  Searching…
                </li>
              ) : results.isError ? (
                <li className="dt-picker__note" role="presentation">
                  The search failed: {results.error.message}
                </li>
              ) : options.length === 0 ? (
                <li className="dt-picker__note" role="presentation">
                  {search ? `No ${targetLabel.plural.toLowerCase()} match “${search}”.` : `No ${targetLabel.plural.toLowerCase()} to link yet.`}
                </li>
              ) : (
                options.map((o) => (
                  <li
                    key={o.id}
                    id={`${listId}-${o.id}`}
                    role="option"
                    aria-selected={o.id === activeOption?.id}
                    className="dt-picker__option"
                    // Keep the focus in the input: a blur would close the list before the click lands.
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => choose(o.id)}
                  >
                    <span>{o.title || <span className="muted">Untitled</span>}</span>
                    {o.externalId ? <span className="dt-picker__ext mono">{o.externalId}</span> : null}
                  </li>
                ))
              )}
            </ul>
          ) : null}
        </div>
      ) : null}
      {disabled && value.length === 0 ? <span className="muted">None</span> : null}
    </div>
  );
}
