// One field of the type editor: a row (label, key, type, flags; move, remove) that opens into its
// settings — label, key, type, description, the options of its type, its default and its flags.
// Built-in fields of Account and Contact are shown locked; saved fields keep their key.
import {
  AlignLeft,
  ArrowDown,
  ArrowUp,
  AtSign,
  Banknote,
  Calendar,
  CalendarClock,
  ChevronDown,
  ChevronRight,
  Hash,
  Link,
  Link2,
  List,
  Lock,
  MapPin,
  Network,
  Paperclip,
  Phone,
  Plus,
  ToggleLeft,
  Trash2,
  Type,
  X,
  type LucideIcon,
} from 'lucide-react';
import { useId } from 'react';
import { FIELD_TYPES, type FieldType } from '../../core';
import { controlAria, FormField } from './form-field';
import { sentence } from './issues';
import { DEFAULTABLE, FIELD_TYPE_LABELS, IDENTIFIER_TYPES, nextUid, suggestOptionValue, type FieldDraft, type OptionDraft } from './type-draft';

export const FIELD_TYPE_ICONS: Record<FieldType, LucideIcon> = {
  text: Type,
  longText: AlignLeft,
  number: Hash,
  money: Banknote,
  date: Calendar,
  datetime: CalendarClock,
  boolean: ToggleLeft,
  enum: List,
  email: AtSign,
  phone: Phone,
  url: Link,
  address: MapPin,
  file: Paperclip,
  relation: Link2,
  relations: Network,
};

export type TargetChoice = { key: string; label: string };

type Props = {
  field: FieldDraft;
  index: number;
  count: number;
  issues: Record<string, string> | undefined;
  expanded: boolean;
  readOnly: boolean;
  targets: readonly TargetChoice[];
  roles: readonly string[];
  onToggle: () => void;
  onChange: (patch: Partial<FieldDraft>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
};

export function FieldRow({ field, index, count, issues, expanded, readOnly, targets, roles, onToggle, onChange, onMove, onRemove }: Props) {
  const id = useId();
  const Icon = FIELD_TYPE_ICONS[field.type];
  const name = field.label.trim() || 'New field';
  const hasIssues = issues && Object.keys(issues).length > 0;
  const flags = [field.required && 'Required', field.identifier && 'Identifier', field.internal && 'Internal'].filter((x): x is string => Boolean(x));
  const target = field.type === 'relation' || field.type === 'relations' ? targets.find((t) => t.key === field.target)?.label : undefined;
  return (
    <li className={`dt-frow${expanded ? ' dt-frow--open' : ''}${hasIssues ? ' dt-frow--invalid' : ''}${field.locked ? ' dt-frow--locked' : ''}`} data-field-row={field.key || undefined}>
      <div className="dt-frow__head">
        <span className="dt-frow__icon" aria-hidden="true">
          <Icon />
        </span>
        {field.locked ? (
          <div className="dt-frow__summary">
            <FieldSummary name={name} field={field} target={target} flags={flags} roles={roles} />
          </div>
        ) : (
          <button type="button" className="dt-frow__toggle" aria-expanded={expanded} aria-controls={`${id}-panel`} onClick={onToggle}>
            <FieldSummary name={name} field={field} target={target} flags={flags} roles={roles} />
            {expanded ? <ChevronDown aria-hidden="true" className="dt-frow__chevron" /> : <ChevronRight aria-hidden="true" className="dt-frow__chevron" />}
          </button>
        )}
        <div className="dt-frow__actions">
          {field.locked ? (
            <span className="dt-locked" title="A built-in field: access levels and sign-in rely on it, so it stays as it is.">
              <Lock aria-hidden="true" />
              Built-in
            </span>
          ) : null}
          {!readOnly ? (
            <>
              <button type="button" className="btn btn--ghost btn--icon btn--small" onClick={() => onMove(-1)} disabled={index === 0} aria-label={`Move ${name} up`}>
                <ArrowUp aria-hidden="true" />
              </button>
              <button type="button" className="btn btn--ghost btn--icon btn--small" onClick={() => onMove(1)} disabled={index === count - 1} aria-label={`Move ${name} down`}>
                <ArrowDown aria-hidden="true" />
              </button>
              {!field.locked ? (
                <button type="button" className="btn btn--ghost btn--icon btn--small dt-frow__remove" onClick={onRemove} aria-label={`Remove ${name}`}>
                  <Trash2 aria-hidden="true" />
                </button>
              ) : (
                <span className="dt-frow__spacer" aria-hidden="true" />
              )}
            </>
          ) : null}
        </div>
      </div>
      {hasIssues && !expanded && issues ? (
        <p className="dt-frow__issue" role="alert">
          {sentence(Object.values(issues).join('; '))}
        </p>
      ) : null}
      {expanded && !field.locked ? (
        <div id={`${id}-panel`} className="dt-frow__panel">
          <fieldset className="sh-bare-fieldset dt-frow__fieldset" disabled={readOnly}>
            <legend className="visually-hidden">Settings of {name}</legend>
            <FieldSettings id={id} field={field} issues={issues ?? {}} targets={targets} onChange={onChange} />
          </fieldset>
        </div>
      ) : null}
    </li>
  );
}

function FieldSummary({ name, field, target, flags, roles }: { name: string; field: FieldDraft; target: string | undefined; flags: string[]; roles: readonly string[] }) {
  return (
    <span className="dt-frow__text">
      <span className="dt-frow__name">{name}</span>
      <span className="dt-frow__meta">
        {field.key ? <span className="mono dt-frow__key">{field.key}</span> : null}
        <span className="dt-frow__type">
          {FIELD_TYPE_LABELS[field.type]}
          {target ? ` → ${target}` : ''}
        </span>
      </span>
      <span className="dt-frow__flags">
        {roles.map((r) => (
          <span key={r} className="badge">
            {r}
          </span>
        ))}
        {flags.map((f) => (
          <span key={f} className={`badge ${f === 'Internal' ? 'badge--warn' : 'badge--muted'}`}>
            {f}
          </span>
        ))}
      </span>
    </span>
  );
}

function FieldSettings({ id, field, issues, targets, onChange }: { id: string; field: FieldDraft; issues: Record<string, string>; targets: readonly TargetChoice[]; onChange: (patch: Partial<FieldDraft>) => void }) {
  const err = (k: string) => issues[k] ?? null;
  const keyHelp = field.saved ? 'Records store their values under this key, so it cannot change.' : 'Used by the API, imports and blocks. Letters, digits and _.';
  const changeType = (type: FieldType) => {
    // A default or option of the old type means nothing for the new one.
    const patch: Partial<FieldDraft> = { type, defaultValue: '', defaultCurrency: '' };
    if (type === 'enum' && field.options.length === 0) patch.options = [{ uid: nextUid('o'), value: '', label: '', valueTouched: false }];
    if (!IDENTIFIER_TYPES.includes(type)) patch.identifier = false;
    onChange(patch);
  };
  return (
    <div className="dt-fsettings">
      <div className="dt-grid dt-grid--3">
        <FormField id={`${id}-label`} label="Label" error={err('label')} required>
          <input className="input" {...controlAria(`${id}-label`, undefined, err('label'))} value={field.label} maxLength={80} onChange={(e) => onChange({ label: e.target.value })} />
        </FormField>
        <FormField id={`${id}-key`} label="Key" help={keyHelp} error={err('key')}>
          <input
            className="input mono"
            {...controlAria(`${id}-key`, keyHelp, err('key'))}
            value={field.key}
            readOnly={field.saved}
            maxLength={40}
            spellCheck={false}
            autoCapitalize="off"
            onChange={(e) => onChange({ key: e.target.value, keyTouched: true })}
          />
        </FormField>
        <FormField id={`${id}-type`} label="Type" error={err('type')}>
          <select className="select" {...controlAria(`${id}-type`, undefined, err('type'))} value={field.type} onChange={(e) => changeType(e.target.value as FieldType)}>
            {FIELD_TYPES.map((t) => (
              <option key={t} value={t}>
                {FIELD_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <FormField id={`${id}-desc`} label="Description" help="Shown as help under the field in forms." error={err('description')}>
        <input
          className="input"
          {...controlAria(`${id}-desc`, 'Shown as help under the field in forms.', err('description'))}
          value={field.description}
          maxLength={300}
          onChange={(e) => onChange({ description: e.target.value })}
        />
      </FormField>
      <TypeOptions id={id} field={field} err={err} targets={targets} onChange={onChange} />
      {DEFAULTABLE.has(field.type) ? <DefaultInput id={id} field={field} error={err('default')} onChange={onChange} /> : null}
      {err('') ? (
        <p className="field__error" role="alert">
          {sentence(err('')!)}
        </p>
      ) : null}
      <div className="dt-flags" role="group" aria-label="Flags">
        <Flag id={`${id}-required`} label="Required" help="Every record must have a value." checked={field.required} error={err('required')} onChange={(v) => onChange({ required: v })} />
        <Flag
          id={`${id}-internal`}
          label="Internal"
          help="Never shown in a portal, whatever a role grants."
          checked={field.internal}
          error={err('internal')}
          onChange={(v) => onChange({ internal: v, ...(v ? { identifier: false } : {}) })}
        />
        <Flag
          id={`${id}-identifier`}
          label="Identifier"
          help={IDENTIFIER_TYPES.includes(field.type) ? 'Portal users may find a record by it, e.g. a contract number.' : `A ${FIELD_TYPE_LABELS[field.type].toLowerCase()} field cannot be an identifier.`}
          checked={field.identifier}
          disabled={!IDENTIFIER_TYPES.includes(field.type) || field.internal}
          error={err('identifier')}
          onChange={(v) => onChange({ identifier: v })}
        />
      </div>
    </div>
  );
}

function Flag({ id, label, help, checked, disabled, error, onChange }: { id: string; label: string; help: string; checked: boolean; disabled?: boolean; error: string | null; onChange: (v: boolean) => void }) {
  return (
    <div className={`dt-flag${disabled ? ' dt-flag--disabled' : ''}`}>
      <input id={id} type="checkbox" className="dt-checkbox" checked={checked} disabled={disabled} aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`} onChange={(e) => onChange(e.target.checked)} />
      <div>
        <label htmlFor={id} className="dt-flag__label">
          {label}
        </label>
        <p id={`${id}-help`} className="dt-flag__help">
          {help}
        </p>
        {error ? (
          <p id={`${id}-error`} className="field__error">
            {sentence(error)}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function TypeOptions({
  id,
  field,
  err,
  targets,
  onChange,
}: {
  id: string;
  field: FieldDraft;
  err: (k: string) => string | null;
  targets: readonly TargetChoice[];
  onChange: (patch: Partial<FieldDraft>) => void;
}) {
  switch (field.type) {
    case 'text':
    case 'longText': {
      const help = field.type === 'text' ? 'Empty: 500.' : 'Empty: 20,000.';
      return (
        <div className="dt-grid dt-grid--3">
          <FormField id={`${id}-maxlen`} label="Maximum length" help={help} error={err('maxLength')}>
            <input className="input" type="number" min={1} inputMode="numeric" {...controlAria(`${id}-maxlen`, help, err('maxLength'))} value={field.maxLength} onChange={(e) => onChange({ maxLength: e.target.value })} />
          </FormField>
        </div>
      );
    }
    case 'number':
      return (
        <div className="dt-grid dt-grid--3 dt-grid--end">
          <FormField id={`${id}-min`} label="Minimum" error={err('min')}>
            <input className="input" type="number" step="any" {...controlAria(`${id}-min`, undefined, err('min'))} value={field.min} onChange={(e) => onChange({ min: e.target.value })} />
          </FormField>
          <FormField id={`${id}-max`} label="Maximum" error={err('max')}>
            <input className="input" type="number" step="any" {...controlAria(`${id}-max`, undefined, err('max'))} value={field.max} onChange={(e) => onChange({ max: e.target.value })} />
          </FormField>
          <label className="checkbox dt-inline-check">
            <input type="checkbox" className="dt-checkbox" checked={field.integer} onChange={(e) => onChange({ integer: e.target.checked })} />
            Whole numbers only
          </label>
        </div>
      );
    case 'money': {
      const help = 'Three letters, e.g. EUR. Empty: each value names its currency.';
      return (
        <div className="dt-grid dt-grid--3">
          <FormField id={`${id}-currency`} label="Currency" help={help} error={err('currency')}>
            <input
              className="input mono"
              {...controlAria(`${id}-currency`, help, err('currency'))}
              value={field.currency}
              maxLength={3}
              placeholder="EUR"
              autoCapitalize="characters"
              onChange={(e) => onChange({ currency: e.target.value.toUpperCase() })}
            />
          </FormField>
        </div>
      );
    }
    case 'enum':
      return <OptionsEditor id={id} options={field.options} error={err('options')} onChange={(options) => onChange({ options })} />;
    case 'file': {
      const sizeHelp = 'Empty: 10 MB; at most 25 MB.';
      const acceptHelp = 'Media types, comma-separated: application/pdf, image/*. Empty: documents and images.';
      return (
        <div className="dt-grid dt-grid--file">
          <FormField id={`${id}-maxmb`} label="Maximum size (MB)" help={sizeHelp} error={err('maxBytes')}>
            <input className="input" type="number" min={0.01} max={25} step="any" {...controlAria(`${id}-maxmb`, sizeHelp, err('maxBytes'))} value={field.maxMb} onChange={(e) => onChange({ maxMb: e.target.value })} />
          </FormField>
          <FormField id={`${id}-accept`} label="Accepted types" help={acceptHelp} error={err('accept')}>
            <input
              className="input mono"
              {...controlAria(`${id}-accept`, acceptHelp, err('accept'))}
              value={field.accept}
              placeholder="application/pdf, image/*"
              spellCheck={false}
              autoCapitalize="off"
              onChange={(e) => onChange({ accept: e.target.value })}
            />
          </FormField>
        </div>
      );
    }
    case 'relation':
    case 'relations': {
      const help = field.type === 'relation' ? 'Each record links to one record of this type.' : 'Each record links to any number of records of this type.';
      return (
        <div className="dt-grid dt-grid--3">
          <FormField id={`${id}-target`} label="Links to" help={help} error={err('target')} required>
            <select className="select" {...controlAria(`${id}-target`, help, err('target'))} value={field.target} onChange={(e) => onChange({ target: e.target.value })}>
              <option value="">Choose a type…</option>
              {targets.map((t) => (
                <option key={t.key} value={t.key}>
                  {t.label}
                </option>
              ))}
            </select>
          </FormField>
          {field.type === 'relations' ? (
            <FormField id={`${id}-maxitems`} label="At most" help="Empty: 100 records." error={err('max')}>
              <input className="input" type="number" min={1} max={1000} {...controlAria(`${id}-maxitems`, 'Empty: 100 records.', err('max'))} value={field.maxItems} onChange={(e) => onChange({ maxItems: e.target.value })} />
            </FormField>
          ) : null}
        </div>
      );
    }
    default:
      return null;
  }
}

function OptionsEditor({ id, options, error, onChange }: { id: string; options: OptionDraft[]; error: string | null; onChange: (o: OptionDraft[]) => void }) {
  const update = (uid: string, patch: Partial<OptionDraft>) =>
    onChange(
      options.map((o) => {
        if (o.uid !== uid) return o;
        const next = { ...o, ...patch };
        // The stored value follows the label until someone edits it.
        if (patch.label !== undefined && !o.valueTouched) next.value = suggestOptionValue(patch.label);
        return next;
      }),
    );
  return (
    <div className={`field dt-options${error ? ' dt-field--invalid' : ''}`} role="group" aria-labelledby={`${id}-options-label`} aria-describedby={error ? `${id}-options-error` : `${id}-options-help`}>
      <span className="field__label" id={`${id}-options-label`}>
        Options
      </span>
      {options.length ? (
        <div className="dt-options__table">
          <div className="dt-options__head" aria-hidden="true">
            <span>Label</span>
            <span>Stored value</span>
            <span />
          </div>
          <ol className="dt-options__list">
            {options.map((o, i) => (
              <li key={o.uid} className="dt-options__row">
                <input className="input" aria-label={`Option ${i + 1} label`} value={o.label} maxLength={80} placeholder="Label" onChange={(e) => update(o.uid, { label: e.target.value })} />
                <input
                  className="input mono"
                  aria-label={`Option ${i + 1} stored value`}
                  value={o.value}
                  maxLength={60}
                  placeholder="value"
                  spellCheck={false}
                  autoCapitalize="off"
                  onChange={(e) => update(o.uid, { value: e.target.value, valueTouched: true })}
                />
                <button
                  type="button"
                  className="btn btn--ghost btn--icon btn--small"
                  aria-label={`Remove option ${o.label || i + 1}`}
                  onClick={() => onChange(options.filter((x) => x.uid !== o.uid))}
                >
                  <X aria-hidden="true" />
                </button>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      <div>
        <button type="button" className="btn btn--small" onClick={() => onChange([...options, { uid: nextUid('o'), value: '', label: '', valueTouched: false }])}>
          <Plus aria-hidden="true" />
          Add option
        </button>
      </div>
      {error ? (
        <span id={`${id}-options-error`} className="field__error">
          {sentence(error)}
        </span>
      ) : (
        <span id={`${id}-options-help`} className="field__help">
          Records store the value; forms and portals show the label.
        </span>
      )}
    </div>
  );
}

function DefaultInput({ id, field, error, onChange }: { id: string; field: FieldDraft; error: string | null; onChange: (patch: Partial<FieldDraft>) => void }) {
  const cid = `${id}-default`;
  const help = 'Filled in when a record is created without a value.';
  const aria = controlAria(cid, help, error);
  const set = (v: string) => onChange({ defaultValue: v });
  let control;
  switch (field.type) {
    case 'boolean':
      control = (
        <select className="select" {...aria} value={field.defaultValue} onChange={(e) => set(e.target.value)}>
          <option value="">No default</option>
          <option value="true">Yes</option>
          <option value="false">No</option>
        </select>
      );
      break;
    case 'enum':
      control = (
        <select className="select" {...aria} value={field.defaultValue} onChange={(e) => set(e.target.value)}>
          <option value="">No default</option>
          {field.options
            .filter((o) => o.value.trim())
            .map((o) => (
              <option key={o.uid} value={o.value}>
                {o.label || o.value}
              </option>
            ))}
        </select>
      );
      break;
    case 'number':
      control = <input className="input" type="number" step="any" {...aria} value={field.defaultValue} onChange={(e) => set(e.target.value)} />;
      break;
    case 'money':
      control = (
        <div className="dt-money">
          <input className="input" type="number" step="any" {...aria} value={field.defaultValue} onChange={(e) => set(e.target.value)} />
          {field.currency ? (
            <span className="dt-money__currency mono">{field.currency}</span>
          ) : (
            <input
              className="input mono dt-money__code"
              aria-label="Default currency"
              value={field.defaultCurrency}
              maxLength={3}
              placeholder="EUR"
              onChange={(e) => onChange({ defaultCurrency: e.target.value.toUpperCase() })}
            />
          )}
        </div>
      );
      break;
    case 'date':
      control = <input className="input" type="date" {...aria} value={field.defaultValue} onChange={(e) => set(e.target.value)} />;
      break;
    case 'datetime':
      control = <input className="input" type="datetime-local" {...aria} value={field.defaultValue} onChange={(e) => set(e.target.value)} />;
      break;
    default:
      control = <input className="input" type={field.type === 'email' ? 'email' : field.type === 'url' ? 'url' : 'text'} {...aria} value={field.defaultValue} onChange={(e) => set(e.target.value)} />;
  }
  return (
    <div className="dt-grid dt-grid--3">
      <FormField id={cid} label="Default" help={help} error={error} className={field.type === 'text' || field.type === 'longText' || field.type === 'url' ? 'dt-span-2' : undefined}>
        {control}
      </FormField>
    </div>
  );
}
