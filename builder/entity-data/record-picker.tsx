// Picking linked records by searching as you type (ui/search-combobox: arrows, Enter, Escape). One record for a relation, any number for relations; the search is the records
// query's `search`, over the target type's title and identifier fields.
import { useQuery } from '@tanstack/react-query';
import { X } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useTRPC } from '../api';
import { SearchCombobox } from '../ui/search-combobox';
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
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const search = useDebounced(text.trim());
  const titles = useRecordTitles(useMemo(() => new Map([[target, [...value]]]), [target, value]));
  const results = useQuery({
    ...trpc.records.list.queryOptions({ type: target, ...(search ? { search } : {}), fields: [], limit: PAGE + value.length }),
    enabled: open && !disabled,
    placeholderData: (prev) => prev,
  });
  const options = (results.data?.items ?? []).filter((r) => !value.includes(r.id)).slice(0, PAGE);
  const showInput = multiple || value.length === 0;

  const choose = (recordId: string) => {
    onChange(multiple ? [...value, recordId] : [recordId]);
    setText('');
    if (!multiple) setOpen(false);
  };
  const remove = (recordId: string) => onChange(value.filter((v) => v !== recordId));
  const plural = targetLabel.plural.toLowerCase();

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
        <SearchCombobox
          id={id}
          className="dt-picker__input"
          labelledBy={labelledBy}
          describedBy={describedBy}
          invalid={invalid}
          placeholder={placeholder ?? `Search ${plural}…`}
          listLabel={`${targetLabel.plural} matching the search`}
          emptyText={(q) => (q ? `No ${plural} match “${q}”.` : `No ${plural} to link yet.`)}
          text={text}
          onText={setText}
          open={open}
          onOpen={setOpen}
          search={search}
          results={{ pending: results.isPending, error: results.isError ? results.error.message : null, options }}
          onChoose={(o) => choose(o.id)}
          renderOption={(o) => (
            <>
              <span>{o.title || <span className="muted">Untitled</span>}</span>
              {o.externalId ? <span className="dt-picker__ext mono">{o.externalId}</span> : null}
            </>
          )}
          onOtherKey={(e) => {
            if (e.key === 'Backspace' && text === '' && multiple && value.length) remove(value[value.length - 1]!);
          }}
        />
      ) : null}
      {disabled && value.length === 0 ? <span className="muted">None</span> : null}
    </div>
  );
}
