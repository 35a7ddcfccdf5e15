// A field's local text while it is typed: an invalid value stays in the field with its message and
// never reaches the document; a change from elsewhere (undo, another panel) replaces the draft.
import { useCallback, useState } from 'react';
import { liveDraft, type Draft } from './field-model';

export type Attempt = { ok: true; value: unknown } | { ok: false; message: string };

export function useDraft(value: unknown, format: (value: unknown) => string) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const live = liveDraft(draft, value);
  /** Records what was typed and whether it was accepted (then the store holds `attempt.value`). */
  const record = useCallback(
    (text: string, attempt: Attempt) => setDraft({ text, forValue: attempt.ok ? attempt.value : value, error: attempt.ok ? null : attempt.message }),
    [value],
  );
  /** On blur an accepted draft gives way to the stored value ("1.50" shows as "1.5"). */
  const settle = useCallback(() => setDraft((d) => (d && !d.error ? null : d)), []);
  return { text: live ? live.text : format(value), error: live?.error ?? null, record, settle };
}

export const formatText = (value: unknown): string => (value === undefined || value === null ? '' : String(value));
