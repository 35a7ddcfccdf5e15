// The plain inspector controls: text, long text, address, number, select, switch and colour.
// Text-like controls keep a local draft (see use-draft.ts) and coalesce typing into one undo step.
import { memo, type ChangeEvent } from 'react';
import type { FieldDescriptor, Path } from './field-model';
import { HEX_COLOR, normalizeHex, readInput } from './field-model';
import { controlAria, FieldFrame } from './field-frame';
import type { Commit } from './prop-commit';
import { formatText, useDraft, type Attempt } from './use-draft';

export type WidgetProps = {
  id: string;
  field: FieldDescriptor;
  value: unknown;
  path: Path;
  /** A problem the stored block has at this field (cross-field rules such as alt text). */
  issue: string | null;
  commit: Commit;
  /** Rows of a list of plain values: the list labels them, the row's label is for screen readers. */
  hideLabel?: boolean;
};

/** Runs a commit and turns its answer into a draft attempt. */
export function attempt(commit: Commit, path: Path, value: unknown, coalesce: boolean): Attempt {
  const message = commit(path, () => value, { coalesce });
  return message ? { ok: false, message } : { ok: true, value };
}

export const TextWidget = memo(function TextWidget({ id, field, value, path, issue, commit, hideLabel }: WidgetProps) {
  const draft = useDraft(value, formatText);
  const error = draft.error ?? issue;
  const onChange = (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const text = e.currentTarget.value;
    const read = readInput(field, text);
    draft.record(text, read.ok ? attempt(commit, path, read.value, true) : read);
  };
  const aria = controlAria(id, field.help, error);
  const common = { ...aria, value: draft.text, onChange, onBlur: draft.settle };
  return (
    <FieldFrame id={id} label={field.label} help={field.help} error={error} hideLabel={hideLabel}>
      {field.widget === 'textarea' ? (
        <textarea className="textarea insp-textarea" rows={3} {...common} />
      ) : field.widget === 'number' ? (
        <input className="input" type="number" inputMode={field.integer ? 'numeric' : 'decimal'} min={field.min} max={field.max} step={field.integer ? 1 : 'any'} {...common} />
      ) : (
        <input
          className="input"
          type="text"
          inputMode={field.widget === 'url' ? 'url' : undefined}
          spellCheck={field.widget === 'url' ? false : undefined}
          autoComplete="off"
          {...common}
        />
      )}
    </FieldFrame>
  );
});

export const SelectWidget = memo(function SelectWidget({ id, field, value, path, issue, commit, hideLabel }: WidgetProps) {
  const options = field.options ?? [];
  const current = formatText(value);
  const known = options.some((o) => o.value === current);
  const onChange = (e: ChangeEvent<HTMLSelectElement>) => {
    const option = options.find((o) => o.value === e.currentTarget.value);
    if (option) commit(path, () => option.raw);
  };
  return (
    <FieldFrame id={id} label={field.label} help={field.help} error={issue} hideLabel={hideLabel}>
      <select className="select" {...controlAria(id, field.help, issue)} value={current} onChange={onChange}>
        {known ? null : <option value={current}>{current || '—'}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
});

export const ToggleWidget = memo(function ToggleWidget({ id, field, value, path, issue, commit, hideLabel }: WidgetProps) {
  return (
    <FieldFrame id={id} label={field.label} help={field.help} error={issue} inline hideLabel={hideLabel}>
      <input
        type="checkbox"
        role="switch"
        className="switch"
        {...controlAria(id, field.help, issue)}
        checked={value === true}
        onChange={(e) => commit(path, () => e.currentTarget.checked)}
      />
    </FieldFrame>
  );
});

export const ColorWidget = memo(function ColorWidget({ id, field, value, path, issue, commit, hideLabel }: WidgetProps) {
  const draft = useDraft(value, formatText);
  const error = draft.error ?? issue;
  const swatch = typeof value === 'string' && HEX_COLOR.test(value) ? value.toLowerCase() : '#000000';
  const onText = (e: ChangeEvent<HTMLInputElement>) => {
    const text = e.currentTarget.value;
    const hex = normalizeHex(text);
    if (!HEX_COLOR.test(hex) && !(field.allowsEmpty && hex === '')) {
      draft.record(text, { ok: false, message: 'colours are written #rrggbb, like #2457d6' });
      return;
    }
    draft.record(text, attempt(commit, path, hex, true));
  };
  return (
    <FieldFrame id={id} label={field.label} help={field.help} error={error} hideLabel={hideLabel}>
      <div className="insp-color">
        <input
          type="color"
          className="insp-color__swatch"
          aria-label={`${field.label}: colour picker`}
          value={swatch}
          onChange={(e) => commit(path, () => e.currentTarget.value, { coalesce: true })}
        />
        <input className="input insp-color__hex mono" type="text" spellCheck={false} autoComplete="off" {...controlAria(id, field.help, error)} value={draft.text} onChange={onText} onBlur={draft.settle} />
      </div>
    </FieldFrame>
  );
});
