// Search-as-you-type with a list to pick from (the ARIA combobox pattern): the input, the keyboard
// (arrows, Enter picks, Escape closes), the list with its searching / failed / empty notes. The
// caller owns the query and what a pick does; record and user pickers are built on it.
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';

export type ComboboxResults<T> = { pending: boolean; error: string | null; options: readonly T[] };

type Props<T extends { id: string }> = {
  id?: string | undefined;
  labelledBy: string;
  describedBy?: string | undefined;
  invalid?: boolean | undefined;
  placeholder: string;
  /** The list's accessible name, e.g. "Users matching the search". */
  listLabel: string;
  /** What the list says when nothing matches (given the current search text). */
  emptyText: (search: string) => string;
  text: string;
  onText: (text: string) => void;
  open: boolean;
  onOpen: (open: boolean) => void;
  results: ComboboxResults<T>;
  /** The search text as sent (debounced, trimmed), for the empty note. */
  search: string;
  onChoose: (option: T) => void;
  renderOption: (option: T) => ReactNode;
  /** Keys the caller handles itself (e.g. Backspace removing the last chip). */
  onOtherKey?: (e: KeyboardEvent<HTMLInputElement>) => void;
  className?: string;
};

export function SearchCombobox<T extends { id: string }>(p: Props<T>) {
  const listId = useId();
  const [active, setActive] = useState(0);
  const { options } = p.results;
  const activeOption = p.open ? options[Math.min(active, options.length - 1)] : undefined;
  const choose = (o: T) => {
    setActive(0);
    p.onChoose(o);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!p.open) p.onOpen(true);
      else setActive((a) => Math.min(a + 1, Math.max(options.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      // Enter picks the highlighted option instead of submitting the form.
      if (p.open && activeOption) {
        e.preventDefault();
        choose(activeOption);
      }
    } else if (e.key === 'Escape') {
      if (p.open) {
        e.preventDefault();
        e.stopPropagation();
        p.onOpen(false);
      }
    } else p.onOtherKey?.(e);
  };
  const note = (text: string) => (
    <li className="dt-picker__note" role="presentation">
      {text}
    </li>
  );
  return (
    <div className="dt-picker__box">
      <input
        id={p.id}
        className={`input${p.className ? ` ${p.className}` : ''}`}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={p.open}
        aria-controls={listId}
        aria-labelledby={p.labelledBy}
        aria-describedby={p.describedBy}
        aria-invalid={p.invalid || undefined}
        aria-activedescendant={activeOption ? `${listId}-${activeOption.id}` : undefined}
        autoComplete="off"
        placeholder={p.placeholder}
        value={p.text}
        onChange={(e) => {
          p.onText(e.target.value);
          setActive(0);
          p.onOpen(true);
        }}
        onFocus={() => p.onOpen(true)}
        onClick={() => p.onOpen(true)}
        onBlur={() => p.onOpen(false)}
        onKeyDown={onKey}
      />
      {p.open ? (
        <ul id={listId} role="listbox" className="dt-picker__list" aria-label={p.listLabel}>
          {p.results.pending
            ? note('Searching…')
            : p.results.error !== null
              ? note(`The search failed: ${p.results.error}`)
              : options.length === 0
                ? note(p.emptyText(p.search))
                : options.map((o) => (
                    <li
                      key={o.id}
                      id={`${listId}-${o.id}`}
                      role="option"
                      aria-selected={o.id === activeOption?.id}
                      className="dt-picker__option"
                      // Keep the focus in the input: a blur would close the list before the click lands.
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => choose(o)}
                    >
                      {p.renderOption(o)}
                    </li>
                  ))}
        </ul>
      ) : null}
    </div>
  );
}
