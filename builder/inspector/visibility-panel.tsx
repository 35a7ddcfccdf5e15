// Who sees a block or a page: the audience (everyone, or signed-in users only) and, optionally, the
// roles that may see it. Role keys are typed here and validated as slugs; the roles themselves are
// defined in the Roles section, and `knownRoles` (when given) is offered as suggestions.
import { Plus, X } from 'lucide-react';
import { memo, useId, useState, type FormEvent } from 'react';
import type { Visibility } from '../../core';
import { sentence } from './field-frame';
import { describeVisibility, validateRoleKey, visibilityOf, type Audience } from './page-model';

export const VisibilityPanel = memo(function VisibilityPanel({
  value,
  onChange,
  subject,
  knownRoles,
}: {
  value: Visibility | undefined;
  onChange: (next: Visibility | undefined) => void;
  subject: 'block' | 'page';
  knownRoles?: readonly string[];
}) {
  const id = useId();
  const audience: Audience = value?.audience === 'signed-in' ? 'signed-in' : 'public';
  const roles = value?.roles ?? [];
  const [roleText, setRoleText] = useState('');
  const [roleError, setRoleError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const addRole = (e: FormEvent) => {
    e.preventDefault();
    const key = roleText.trim();
    const problem = validateRoleKey(key, roles);
    setRoleError(problem);
    if (problem) return;
    onChange(visibilityOf(audience, [...roles, key]));
    setRoleText('');
    setAnnouncement(`Role "${key}" added.`);
  };
  const removeRole = (key: string) => {
    onChange(visibilityOf(audience, roles.filter((r) => r !== key)));
    setAnnouncement(`Role "${key}" removed.`);
    requestAnimationFrame(() => document.getElementById(`${id}-role`)?.focus());
  };

  return (
    <div className="insp-vis">
      <p className="insp-vis__summary" aria-live="polite">
        {describeVisibility(value, subject)}
      </p>
      <fieldset className="insp-vis__audience">
        <legend className="insp-field__label">Audience</legend>
        <div className="insp-segmented">
          {(['public', 'signed-in'] as const).map((a) => (
            <label key={a} className={`insp-segmented__option${audience === a ? ' insp-segmented__option--on' : ''}`}>
              <input type="radio" name={`${id}-audience`} value={a} checked={audience === a} onChange={() => onChange(visibilityOf(a, roles))} />
              {a === 'public' ? 'Everyone' : 'Signed-in only'}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="insp-field">
        <div className="insp-field__head">
          <label className="insp-field__label" htmlFor={`${id}-role`}>
            Roles
          </label>
          <span className="insp-list__count">{roles.length === 0 ? 'any' : roles.length}</span>
        </div>
        {roles.length > 0 ? (
          <ul className="insp-chips" aria-label="Roles that may see this">
            {roles.map((r) => (
              <li key={r} className="insp-chip">
                <span className="mono">{r}</span>
                <button type="button" className="insp-chip__remove" aria-label={`Remove role ${r}`} onClick={() => removeRole(r)}>
                  <X aria-hidden="true" />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <form className="insp-vis__add" onSubmit={addRole}>
          <input
            id={`${id}-role`}
            className="input mono"
            type="text"
            autoComplete="off"
            spellCheck={false}
            placeholder={`role key, e.g. ${knownRoles?.[0] ?? 'customer'}`}
            list={knownRoles?.length ? `${id}-roles` : undefined}
            value={roleText}
            aria-invalid={roleError ? true : undefined}
            aria-describedby={`${id}-role-help${roleError ? ` ${id}-role-error` : ''}`}
            onChange={(e) => {
              setRoleText(e.currentTarget.value);
              setRoleError(null);
            }}
          />
          <button type="submit" className="btn btn--small">
            <Plus aria-hidden="true" />
            Add
          </button>
          {knownRoles?.length ? (
            <datalist id={`${id}-roles`}>
              {knownRoles.map((r) => (
                <option key={r} value={r} />
              ))}
            </datalist>
          ) : null}
        </form>
        {roleError ? (
          <p className="insp-field__error" id={`${id}-role-error`}>
            {sentence(roleError)}
          </p>
        ) : null}
        <p className="insp-field__help" id={`${id}-role-help`}>
          {roles.length === 0
            ? `With no roles, every ${audience === 'signed-in' ? 'signed-in user' : 'visitor'} sees this ${subject}. Add role keys to show it only to users holding one of them.`
            : `Only signed-in users with one of these roles see this ${subject}.`}{' '}
          Roles are defined in the Roles section.
        </p>
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
});
