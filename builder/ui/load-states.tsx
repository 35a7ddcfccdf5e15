// The loading skeleton and the load-error card that lists and tables share.
import { errorMessage } from '../api';

export function LoadingRows({ label }: { label: string }) {
  return (
    <div className="sh-skeleton-table" aria-busy="true" aria-label={label}>
      {[0, 1, 2].map((i) => (
        <div key={i} className="sh-skeleton-row" />
      ))}
    </div>
  );
}

export function LoadError({ title, error, retry }: { title: string; error: unknown; retry: () => void }) {
  return (
    <div className="card empty-state" role="alert">
      <h2>{title}</h2>
      <p>{errorMessage(error)}</p>
      <button type="button" className="btn" onClick={retry}>
        Try again
      </button>
    </div>
  );
}
