// Waits for the entity types and finds one by key: the loading, error and "no such type" screens
// that every per-type view of the Data section shows alike.
import type { ReactNode } from 'react';
import { onLinkClick } from '../router';
import { LoadError, LoadingRows } from '../ui/load-states';
import { useDataContext, type TypeSummary, type TypesQuery } from './data-queries';
import { dataHref } from './data-route';

type Props = {
  types: TypesQuery;
  typeKey: string;
  /** What is loading, for the screen reader ("Loading the records"). */
  loading: string;
  /** What failed ("The type could not be loaded"). */
  failed: string;
  wide?: boolean;
  children: (type: TypeSummary, all: TypeSummary[]) => ReactNode;
};

export function TypeGate({ types, typeKey, loading, failed, wide = false, children }: Props) {
  const { portalId } = useDataContext();
  const frame = (body: ReactNode, isWide = wide) => <div className={`content dt-content${isWide ? ' dt-content--wide' : ''}`}>{body}</div>;
  if (types.isPending) return frame(<LoadingRows label={loading} />);
  if (types.isError) return frame(<LoadError title={failed} error={types.error} retry={() => void types.refetch()} />);
  const type = types.data.find((t) => t.key === typeKey);
  if (!type) {
    return frame(
      <div className="card empty-state" role="alert">
        <h1 className="sh-error-title">There is no type “{typeKey}”</h1>
        <p>It may have been deleted, or the address is mistyped.</p>
        <a className="btn" href={dataHref(portalId, { view: 'types' })} onClick={onLinkClick}>
          Back to the types
        </a>
      </div>,
      false,
    );
  }
  return <>{children(type, types.data)}</>;
}
