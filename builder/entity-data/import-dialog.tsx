// Importing a CSV or JSON file into one type: POST /admin/api/import with the file's text. The
// server checks every row first and imports all or nothing; a rejected file comes back as a report
// (row, field, problem) and nothing is imported.
import { CircleCheck, FileUp } from 'lucide-react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Dialog } from '../ui/dialog';
import { useRefreshData, type TypeSummary } from './data-queries';
import { normalizeIssues, sentence, type Issue } from './issues';
import { formatBytes } from './format-value';
import { ADDRESS_PARTS } from './form-values';

export type ImportFormat = 'csv' | 'json';
export type ImportMode = 'create' | 'upsert';
export type ImportResult = { ok: true; total: number; created: number; updated: number } | { ok: false; message: string; issues: Issue[] };

/** The format a file's name or type suggests. */
export function formatOf(file: { name: string; type: string }): ImportFormat {
  return /\.json$/i.test(file.name) || file.type === 'application/json' ? 'json' : 'csv';
}

export async function postImport(body: { type: string; format: ImportFormat; content: string; mode: ImportMode }): Promise<ImportResult> {
  let res: Response;
  try {
    res = await fetch('/admin/api/import', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    return { ok: false, message: 'The server cannot be reached.', issues: [] };
  }
  const json = (await res.json().catch(() => null)) as { total?: number; created?: number; updated?: number; error?: { message?: string; issues?: unknown } } | null;
  if (res.ok && json && typeof json.total === 'number') return { ok: true, total: json.total, created: json.created ?? 0, updated: json.updated ?? 0 };
  return { ok: false, message: json?.error?.message ?? `The import failed (HTTP ${res.status}).`, issues: normalizeIssues(json?.error?.issues) };
}

/** The CSV columns a type takes: an address is written in one column per part. */
export function importColumns(type: Pick<TypeSummary, 'fields'>): string[] {
  return ['externalId', ...type.fields.flatMap((f) => (f.type === 'address' ? ADDRESS_PARTS.map((p) => `${f.key}.${p.key}`) : [f.key]))];
}

type State = { step: 'choose' } | { step: 'busy' } | { step: 'done'; result: ImportResult };

export function ImportDialog({ open, type, onClose }: { open: boolean; type: TypeSummary; onClose: () => void }) {
  const refresh = useRefreshData();
  const ids = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>('csv');
  const [mode, setMode] = useState<ImportMode>('create');
  const [state, setState] = useState<State>({ step: 'choose' });
  const [fileError, setFileError] = useState<string | null>(null);
  const plural = type.label.plural.toLowerCase();

  const close = () => {
    setFile(null);
    setState({ step: 'choose' });
    setFileError(null);
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setFileError('Choose a CSV or JSON file.');
    setState({ step: 'busy' });
    let content: string;
    try {
      content = await file.text();
    } catch {
      setState({ step: 'choose' });
      return setFileError('The file could not be read.');
    }
    const result = await postImport({ type: type.key, format, content, mode });
    setState({ step: 'done', result });
    if (result.ok) await refresh();
  };

  const result = state.step === 'done' ? state.result : null;
  const again = () => {
    setState({ step: 'choose' });
    setFile(null);
    if (input.current) input.current.value = '';
  };

  return (
    <Dialog
      open={open}
      wide
      title={`Import ${plural}`}
      onClose={close}
      actions={
        result?.ok ? (
          <button type="button" className="btn btn--primary" onClick={close} autoFocus>
            Done
          </button>
        ) : result ? (
          <>
            <button type="button" className="btn" onClick={close}>
              Close
            </button>
            <button type="button" className="btn btn--primary" onClick={again} autoFocus>
              Choose another file
            </button>
          </>
        ) : (
          <>
            <button type="button" className="btn" onClick={close}>
              Cancel
            </button>
            <button type="submit" form={`${ids}-form`} className="btn btn--primary" disabled={state.step === 'busy'}>
              {state.step === 'busy' ? 'Checking and importing…' : 'Import'}
            </button>
          </>
        )
      }
    >
      {result?.ok ? (
        <div className="dt-import-done" role="status">
          <CircleCheck aria-hidden="true" />
          <div>
            <p className="dt-import-done__title">
              Imported {result.total.toLocaleString()} {result.total === 1 ? type.label.singular.toLowerCase() : plural}
            </p>
            <p className="muted">
              {result.created.toLocaleString()} created, {result.updated.toLocaleString()} updated.
            </p>
          </div>
        </div>
      ) : result ? (
        <ImportReport result={result} fileName={file?.name ?? null} />
      ) : (
        <form id={`${ids}-form`} className="sh-form" onSubmit={submit} noValidate aria-busy={state.step === 'busy'}>
          <p className="muted sh-dialog-lead">
            Every row is checked first: if any row has a problem, nothing is imported and you get a list of what to fix.
          </p>
          <div className={`field${fileError ? ' dt-field--invalid' : ''}`}>
            <span className="field__label" id={`${ids}-file-label`}>
              File
            </span>
            <div className={`dt-dropzone${file ? ' dt-dropzone--chosen' : ''}`}>
              <FileUp aria-hidden="true" />
              <div className="dt-dropzone__text">
                {file ? (
                  <>
                    <strong>{file.name}</strong>
                    <span className="muted"> · {formatBytes(file.size)}</span>
                  </>
                ) : (
                  <span className="muted">A .csv or .json file</span>
                )}
              </div>
              <input
                ref={input}
                id={`${ids}-file`}
                type="file"
                className="visually-hidden"
                tabIndex={-1}
                accept=".csv,.json,text/csv,application/json"
                aria-labelledby={`${ids}-file-label`}
                onChange={(e) => {
                  const f = e.target.files?.[0] ?? null;
                  setFile(f);
                  setFileError(null);
                  if (f) setFormat(formatOf(f));
                }}
              />
              <button type="button" className="btn btn--small" onClick={() => input.current?.click()} aria-describedby={`${ids}-file-label`}>
                {file ? 'Choose another…' : 'Choose file…'}
              </button>
            </div>
            {fileError ? (
              <span className="field__error" role="alert">
                {fileError}
              </span>
            ) : null}
          </div>
          <div className="dt-grid dt-grid--2">
            <fieldset className="dt-radios">
              <legend className="field__label">Format</legend>
              <label className="checkbox">
                <input type="radio" name={`${ids}-format`} value="csv" checked={format === 'csv'} onChange={() => setFormat('csv')} />
                CSV <span className="muted">— a header row of field keys</span>
              </label>
              <label className="checkbox">
                <input type="radio" name={`${ids}-format`} value="json" checked={format === 'json'} onChange={() => setFormat('json')} />
                JSON <span className="muted">— an array of objects</span>
              </label>
            </fieldset>
            <fieldset className="dt-radios">
              <legend className="field__label">Mode</legend>
              <label className="checkbox">
                <input type="radio" name={`${ids}-mode`} value="create" checked={mode === 'create'} onChange={() => setMode('create')} />
                Create new {plural}
              </label>
              <label className="checkbox">
                <input type="radio" name={`${ids}-mode`} value="upsert" checked={mode === 'upsert'} onChange={() => setMode('upsert')} />
                Create or update by <span className="mono">externalId</span>
              </label>
            </fieldset>
          </div>
          <div className="dt-columns-hint">
            <span className="field__label">Columns for {plural}</span>
            <p className="mono">{importColumns(type).join(', ')}</p>
            <p className="field__help">
              Amounts as <span className="mono">12.50 EUR</span>, dates as <span className="mono">YYYY-MM-DD</span>, yes/no as <span className="mono">true</span> or{' '}
              <span className="mono">false</span>. A link takes a record id or <span className="mono">ext:</span> and the linked record’s external id; several links are separated
              by <span className="mono">;</span>. An export of this type is a ready-made template.
            </p>
          </div>
        </form>
      )}
    </Dialog>
  );
}

function ImportReport({ result, fileName }: { result: Extract<ImportResult, { ok: false }>; fileName: string | null }) {
  const rows = new Set(result.issues.map((i) => i.row).filter((r) => r !== undefined)).size;
  return (
    <div className="dt-import-report">
      <div className="sh-callout sh-callout--danger" role="alert">
        <strong>Nothing was imported{fileName ? ` from ${fileName}` : ''}.</strong>{' '}
        {result.issues.length
          ? `${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}${rows ? ` in ${rows} row${rows === 1 ? '' : 's'}` : ''}: fix ${rows === 1 ? 'it' : 'them'} in the file and import it again.`
          : sentence(result.message)}
      </div>
      {result.issues.length ? <IssueTable issues={result.issues} column="Field" /> : null}
      {/* The server lists the first 200 problems; its message then gives the total. */}
      {result.issues.length >= 200 ? <p className="muted dt-report-note">{sentence(result.message)}</p> : null}
    </div>
  );
}

/** The problems of an import, row by row: shared by the record and the user imports. */
export function IssueTable({ issues, column }: { issues: readonly Issue[]; column: 'Field' | 'Column' }) {
  return (
    <div className="dt-report-scroll">
      <table className="table dt-report-table">
        <caption className="visually-hidden">Problems found in the file</caption>
        <thead>
          <tr>
            <th scope="col" className="dt-num">
              Row
            </th>
            <th scope="col">{column}</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((i, n) => (
            <tr key={`${i.row}-${i.field}-${n}`}>
              <td className="dt-num">{i.row ?? '—'}</td>
              <td className="mono">{i.field || '—'}</td>
              <td>{sentence(i.message)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
