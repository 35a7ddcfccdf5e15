// The image control: a preview, an upload (button or dropped file), or a pasted address. After an
// upload the block's size props are filled in the same undo step (the sizePropsFor convention:
// `src` → `width`/`height`, `<x>Src` → `<x>Width`/`<x>Height`), so the page reserves the right box.
import { ImageIcon, Upload, X } from 'lucide-react';
import { memo, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import { isAssetSrc } from '../../blocks/_lib/assets';
import { useEditor } from '../store/editor-store';
import { type WidgetProps, attempt } from './basic-widgets';
import { fitPixelSize } from './field-model';
import { controlAria, FieldFrame } from './field-frame';
import { checkUpload, UPLOAD_TYPES, uploadImage } from '../ui/upload-image';
import { formatText, useDraft } from './use-draft';

export const ImageWidget = memo(function ImageWidget({ id, field, value, path, issue, commit }: WidgetProps) {
  const portalId = useEditor((s) => s.portalId);
  const draft = useDraft(value, formatText);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const src = typeof value === 'string' ? value : '';
  const error = uploadError ?? draft.error ?? issue;

  const upload = async (file: File) => {
    const problem = checkUpload(file);
    setUploadError(problem);
    if (problem) return;
    setBusy(true);
    setStatus(`Uploading ${file.name}…`);
    try {
      const asset = await uploadImage(file, portalId);
      const size = fitPixelSize(asset.width, asset.height);
      const sizes = field.sizeProps && path.length === 0 ? field.sizeProps : undefined;
      const message = commit(path, () => asset.url, sizes ? { extra: { [sizes.width]: size.width, [sizes.height]: size.height } } : {});
      setUploadError(message);
      setStatus(message ? '' : `Uploaded ${file.name} (${asset.width} × ${asset.height} px).`);
    } catch (err) {
      setUploadError(err instanceof Error ? err.message : 'the upload failed');
      setStatus('');
    } finally {
      setBusy(false);
    }
  };

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.currentTarget.files?.[0];
    e.currentTarget.value = '';
    if (file) void upload(file);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void upload(file);
  };
  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    setDragging(true);
  };
  const onAddress = (e: ChangeEvent<HTMLInputElement>) => {
    const text = e.currentTarget.value;
    setUploadError(null);
    draft.record(text, attempt(commit, path, text.trim(), true));
  };
  const remove = () => {
    setUploadError(null);
    setStatus('Image removed.');
    commit(path, () => '');
  };

  const showPreview = src !== '' && isAssetSrc(src);
  return (
    <FieldFrame id={id} label={field.label} help={field.help} error={error}>
      <div
        className={`insp-image${dragging ? ' insp-image--drop' : ''}`}
        onDragOver={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        aria-busy={busy || undefined}
      >
        {showPreview ? (
          <img className="insp-image__preview" src={src} alt="" />
        ) : (
          <div className="insp-image__empty">
            <ImageIcon aria-hidden="true" />
            <span>{dragging ? 'Drop to upload' : 'No image yet. Drop one here or upload it.'}</span>
          </div>
        )}
      </div>
      <div className="insp-image__actions">
        <button type="button" className="btn btn--small" onClick={() => fileInput.current?.click()} disabled={busy}>
          <Upload aria-hidden="true" />
          {busy ? 'Uploading…' : src ? 'Replace' : 'Upload image'}
        </button>
        {src && field.allowsEmpty ? (
          <button type="button" className="btn btn--small btn--ghost" onClick={remove} disabled={busy}>
            <X aria-hidden="true" />
            Remove
          </button>
        ) : null}
        <input ref={fileInput} type="file" accept={UPLOAD_TYPES.join(',')} hidden tabIndex={-1} aria-hidden="true" onChange={onFile} />
      </div>
      <input
        className="input insp-image__address"
        type="text"
        inputMode="url"
        spellCheck={false}
        autoComplete="off"
        placeholder="or paste an https:// address"
        {...controlAria(id, field.help, error)}
        value={draft.text}
        onChange={onAddress}
        onBlur={draft.settle}
      />
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </FieldFrame>
  );
});
