// Paging with the API's cursors: a stack of them for "Previous" (keyset paging has no page numbers
// to jump to and no total), and a footer that says what is on screen and nothing more.
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useState } from 'react';

export const PAGE_SIZES = [25, 50, 100] as const;

/** The cursors of the pages before this one; a change of `base` (filters, sort, size) starts again at page 1. */
export function useCursorStack(base: string) {
  const [paging, setPaging] = useState<{ base: string; cursors: string[] }>({ base, cursors: [] });
  const cursors = paging.base === base ? paging.cursors : [];
  return {
    cursors,
    /** The cursor to ask with for the current page. */
    current: cursors[cursors.length - 1],
    previous: () => setPaging({ base, cursors: cursors.slice(0, -1) }),
    next: (cursor: string) => setPaging({ base, cursors: [...cursors, cursor] }),
  };
}

type Props = {
  statusId: string;
  /** How many rows this page shows, and how many a page holds. */
  count: number;
  limit: number;
  onLimit: (n: number) => void;
  stack: ReturnType<typeof useCursorStack>;
  nextCursor: string | null | undefined;
  busy: boolean;
  narrowed: boolean;
  noun: { one: string; many: string };
};

export function CursorPager({ statusId, count, limit, onLimit, stack, nextCursor, busy, narrowed, noun }: Props) {
  const { cursors } = stack;
  const start = cursors.length * limit + 1;
  return (
    <div className="dt-pager">
      <p id={statusId} className="dt-pager__status" role="status">
        {count === 0
          ? `No more ${noun.many}`
          : cursors.length === 0
            ? `Showing ${count.toLocaleString()} ${count === 1 ? noun.one : noun.many}`
            : `Showing ${start.toLocaleString()}–${(start + count - 1).toLocaleString()}`}
        {cursors.length > 0 ? <span className="muted"> · page {cursors.length + 1}</span> : null}
        {narrowed ? <span className="muted"> · filtered</span> : null}
      </p>
      <div className="dt-pager__controls">
        <label className="dt-pager__size">
          <span>Rows per page</span>
          <select className="select" value={limit} onChange={(e) => onLimit(Number(e.target.value))}>
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn btn--small" disabled={cursors.length === 0 || busy} onClick={stack.previous}>
          <ChevronLeft aria-hidden="true" />
          Previous
        </button>
        <button type="button" className="btn btn--small" disabled={!nextCursor || busy} onClick={() => nextCursor && stack.next(nextCursor)}>
          Next
          <ChevronRight aria-hidden="true" />
        </button>
      </div>
    </div>
  );
}
