// Picking one portal user by searching as you type (the ARIA combobox pattern, like the record
// picker): the search is portalUsers.list's, over email and name.
import { useQuery } from '@tanstack/react-query';
import { X } from 'lucide-react';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTRPC } from '../api';
import { useDebounced } from '../entity-data/record-picker';
import type { PortalUser } from './access-queries';

const PAGE = 8;

export function UserPicker({
  portalId,
  value,
  onChange,
  labelledBy,
}: {
  portalId: string;
  value: Pick<PortalUser, 'id' | 'name' | 'email'> | null;
  onChange: (user: PortalUser | null) => void;
  labelledBy: string;
}) {
  const trpc = useTRPC();
  const listId = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useDebounced(text.trim());
  const results = useQuery({
    ...trpc.portalUsers.list.queryOptions({ id: portalId, ...(search ? { search } : {}), limit: PAGE }),
    enabled: open,
    placeholderData: (prev) => prev,
  });
  const options = results.data?.items ?? [];
  const activeOption = open ? options[Math.min(active, options.length - 1)] : undefined;

  const choose = (u: PortalUser) => {
    onChange(u);
    setText('');
    setOpen(false);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) setOpen(true);
      else setActive((a) => Math.min(a + 1, Math.max(options.length - 1, 0)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && open && activeOption) {
      e.preventDefault();
      choose(activeOption);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };

  if (value) {
    return (
      <div className="ac-picked">
        <span className="ac-avatar ac-avatar--small" aria-hidden="true">
          {(value.name || value.email).slice(0, 1).toUpperCase()}
        </span>
        <span className="ac-picked__text">
          <span className="ac-picked__name">{value.name}</span>
          <span className="ac-picked__email">{value.email}</span>
        </span>
        <button type="button" className="btn btn--ghost btn--icon btn--small" aria-label={`Choose another user than ${value.name}`} onClick={() => onChange(null)}>
          <X aria-hidden="true" />
        </button>
      </div>
    );
  }
  return (
    <div className="dt-picker__box">
      <input
        className="input"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-labelledby={labelledBy}
        aria-activedescendant={activeOption ? `${listId}-${activeOption.id}` : undefined}
        autoComplete="off"
        placeholder="Search users by name or email…"
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
        <ul id={listId} role="listbox" className="dt-picker__list" aria-label="Users matching the search">
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
              {search ? `No users match “${search}”.` : 'This portal has no users yet.'}
            </li>
          ) : (
            options.map((o) => (
              <li
                key={o.id}
                id={`${listId}-${o.id}`}
                role="option"
                aria-selected={o.id === activeOption?.id}
                className="dt-picker__option"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(o)}
              >
                <span>{o.name}</span>
                <span className="dt-picker__ext">{o.email}</span>
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  );
}
