// The portal address field (/p/<slug>) used by the new-portal dialog and the settings.
import type { ReactNode } from 'react';
import { SLUG_MAX } from '../../core';

export function SlugField({
  id,
  value,
  error,
  help,
  onChange,
  onBlur,
  placeholder,
}: {
  id: string;
  value: string;
  error: string | undefined;
  help: ReactNode;
  onChange: (slug: string) => void;
  onBlur?: () => void;
  placeholder?: string;
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-slug`}>
        Address
      </label>
      <div className="sh-affix">
        <span className="sh-affix__text" aria-hidden="true">
          /p/
        </span>
        <input
          id={`${id}-slug`}
          className="input mono"
          value={value}
          maxLength={SLUG_MAX}
          placeholder={placeholder}
          spellCheck={false}
          autoCapitalize="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-slug-help${error ? ` ${id}-slug-error` : ''}`}
          onChange={(e) => onChange(e.target.value.toLowerCase())}
          onBlur={onBlur}
        />
      </div>
      <span id={`${id}-slug-help`} className="field__help">
        {help}
      </span>
      {error ? (
        <span id={`${id}-slug-error`} className="field__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
