// Picking one portal user by searching as you type (ui/search-combobox, like the record picker):
// the search is portalUsers.list's, over email and name.
import { useQuery } from '@tanstack/react-query';
import { X } from 'lucide-react';
import { useState } from 'react';
import { useTRPC } from '../api';
import { useDebounced } from '../entity-data/record-picker';
import { SearchCombobox } from '../ui/search-combobox';
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
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const search = useDebounced(text.trim());
  const results = useQuery({
    ...trpc.portalUsers.list.queryOptions({ id: portalId, ...(search ? { search } : {}), limit: PAGE }),
    enabled: open,
    placeholderData: (prev) => prev,
  });

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
    <SearchCombobox
      labelledBy={labelledBy}
      placeholder="Search users by name or email…"
      listLabel="Users matching the search"
      emptyText={(q) => (q ? `No users match “${q}”.` : 'This portal has no users yet.')}
      text={text}
      onText={setText}
      open={open}
      onOpen={setOpen}
      search={search}
      results={{ pending: results.isPending, error: results.isError ? results.error.message : null, options: results.data?.items ?? [] }}
      onChoose={(u) => {
        onChange(u);
        setText('');
        setOpen(false);
      }}
      renderOption={(o) => (
        <>
          <span>{o.name}</span>
          <span className="dt-picker__ext">{o.email}</span>
        </>
      )}
    />
  );
}
