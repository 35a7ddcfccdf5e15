// A file field in the record form: upload to POST /admin/api/files (the raw bytes as the body,
// with the type and field named so the server applies the field's size and type limits), then the
// stored file is the field's value; a stored file downloads from GET /admin/api/files/:id.
import { Download, Paperclip, Upload, X } from 'lucide-react';
import { useRef, useState } from 'react';
import type { FieldOf, StoredFile } from '../../core';
import { formatBytes } from './format-value';

export const fileUrl = (id: string) => `/admin/api/files/${encodeURIComponent(id)}`;

/** Why a file cannot go into this field, checked before uploading it; null when it may. */
export function fileProblem(field: FieldOf<'file'>, file: { size: number; type: string; name: string }): string | null {
  if (file.size === 0) return `“${file.name}” is empty`;
  if (file.size > field.maxBytes) return `“${file.name}” is ${formatBytes(file.size)}; this field takes at most ${formatBytes(field.maxBytes)}`;
  // Only the field's own list is checked here: the server decides by the file's bytes anyway.
  if (field.accept.length && file.type && !field.accept.some((a) => a === file.type || (a.endsWith('/*') && file.type.startsWith(a.slice(0, -1))))) {
    return `“${file.name}” is ${file.type}; this field takes ${field.accept.join(', ')}`;
  }
  return null;
}

export async function uploadFile(file: File, typeKey: string, fieldKey: string): Promise<StoredFile> {
  const query = new URLSearchParams({ name: file.name, type: typeKey, field: fieldKey });
  let res: Response;
  try {
    res = await fetch(`/admin/api/files?${query}`, {
      method: 'POST',
      body: file,
      // Never a type a cross-site form could send; the server decides the real type by the bytes.
      headers: { 'Content-Type': 'application/octet-stream' },
      credentials: 'same-origin',
    });
  } catch {
    throw new Error('The upload failed: the server cannot be reached.');
  }
  const body = (await res.json().catch(() => null)) as { file?: StoredFile; error?: { message?: string } } | null;
  if (!res.ok || !body?.file) throw new Error(body?.error?.message ?? `The upload failed (HTTP ${res.status}).`);
  return body.file;
}

export function FileField({
  id,
  field,
  typeKey,
  value,
  disabled,
  describedBy,
  labelledBy,
  onChange,
  onError,
}: {
  id: string;
  field: FieldOf<'file'>;
  typeKey: string;
  value: StoredFile | null;
  disabled?: boolean;
  describedBy?: string | undefined;
  labelledBy: string;
  onChange: (f: StoredFile | null) => void;
  onError: (message: string | null) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const pick = async (file: File | undefined) => {
    if (!file) return;
    const problem = fileProblem(field, file);
    if (problem) return onError(problem);
    onError(null);
    setBusy(file.name);
    try {
      onChange(await uploadFile(file, typeKey, field.key));
    } catch (err) {
      onError(err instanceof Error ? err.message : 'The upload failed.');
    } finally {
      setBusy(null);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <div className="dt-file" aria-busy={busy !== null || undefined}>
      {value ? (
        <div className="dt-file__stored">
          <Paperclip aria-hidden="true" className="dt-file__icon" />
          <div className="dt-file__text">
            <a href={fileUrl(value.id)} className="dt-file__name" download={value.name}>
              {value.name}
            </a>
            <span className="dt-file__meta">
              {value.mime} · {formatBytes(value.bytes)}
            </span>
          </div>
          <a className="btn btn--ghost btn--icon btn--small" href={fileUrl(value.id)} download={value.name} aria-label={`Download ${value.name}`}>
            <Download aria-hidden="true" />
          </a>
          {!disabled ? (
            <button type="button" className="btn btn--ghost btn--icon btn--small" onClick={() => onChange(null)} aria-label={`Remove ${value.name}`}>
              <X aria-hidden="true" />
            </button>
          ) : null}
        </div>
      ) : null}
      {!disabled ? (
        <div className="dt-file__pick">
          <input
            ref={input}
            id={id}
            type="file"
            className="visually-hidden"
            // The button below is the one focus stop; this input only holds the browser's picker.
            tabIndex={-1}
            accept={field.accept.join(',') || undefined}
            aria-labelledby={labelledBy}
            aria-describedby={describedBy}
            onChange={(e) => void pick(e.target.files?.[0])}
          />
          <button type="button" className="btn btn--small" onClick={() => input.current?.click()} disabled={busy !== null} aria-describedby={describedBy}>
            <Upload aria-hidden="true" />
            {busy ? `Uploading ${busy}…` : value ? 'Replace file' : 'Upload file'}
          </button>
          <span className="dt-file__limits">
            Up to {formatBytes(field.maxBytes)}
            {field.accept.length ? ` · ${field.accept.join(', ')}` : ''}
          </span>
        </div>
      ) : !value ? (
        <span className="muted">No file</span>
      ) : null}
    </div>
  );
}
