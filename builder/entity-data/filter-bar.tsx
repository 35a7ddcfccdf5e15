// The filter rows above the records table: field, operator (by the field's type), value (a control
// that fits the type: a date box, a yes/no choice, the choice list, a record picker…). Rows apply
// as soon as they are complete; an unreadable value is marked on its row and left out.
import { Plus, X } from 'lucide-react';
import { defaultOp, opLabel, opsFor, takesValue, type FilterDraft, type FilterField, type UiOp } from './filter-values';
import type { TypeSummary } from './data-queries';
import { RecordPicker } from './record-picker';
import { nextUid } from './type-draft';
import { sentence } from './issues';

export function newFilter(field: FilterField): FilterDraft {
  return { uid: nextUid('flt'), field: field.key, op: defaultOp(field.type), raw: '', list: [] };
}

export function FilterBar({
  id,
  fields,
  types,
  filters,
  problems,
  onChange,
}: {
  id: string;
  fields: readonly FilterField[];
  types: readonly TypeSummary[];
  filters: FilterDraft[];
  problems: Record<string, string | null>;
  onChange: (f: FilterDraft[]) => void;
}) {
  const update = (uid: string, patch: Partial<FilterDraft>) => onChange(filters.map((f) => (f.uid === uid ? { ...f, ...patch } : f)));
  return (
    <div id={id} className="dt-filters" role="group" aria-label="Filters">
      {filters.length === 0 ? <p className="dt-filters__none">No filters: every record is listed.</p> : null}
      <ol className="dt-filters__list">
        {filters.map((f, i) => {
          const field = fields.find((x) => x.key === f.field) ?? fields[0]!;
          const problem = problems[f.uid] ?? null;
          const n = i + 1;
          return (
            <li key={f.uid} className={`dt-filter${problem ? ' dt-filter--invalid' : ''}`}>
              <span className="dt-filter__where" aria-hidden="true">
                {i === 0 ? 'Where' : 'and'}
              </span>
              <select
                className="select dt-filter__field"
                aria-label={`Filter ${n}: field`}
                value={f.field}
                onChange={(e) => {
                  const next = fields.find((x) => x.key === e.target.value)!;
                  update(f.uid, { field: next.key, op: defaultOp(next.type), raw: '', list: [] });
                }}
              >
                <optgroup label="Fields">
                  {fields
                    .filter((x) => !x.system)
                    .map((x) => (
                      <option key={x.key} value={x.key}>
                        {x.label}
                      </option>
                    ))}
                </optgroup>
                <optgroup label="Every record">
                  {fields
                    .filter((x) => x.system)
                    .map((x) => (
                      <option key={x.key} value={x.key}>
                        {x.label}
                      </option>
                    ))}
                </optgroup>
              </select>
              <select className="select dt-filter__op" aria-label={`Filter ${n}: condition`} value={f.op} onChange={(e) => update(f.uid, { op: e.target.value as UiOp, list: [] })}>
                {opsFor(field.type).map((op) => (
                  <option key={op} value={op}>
                    {opLabel(op, field.type)}
                  </option>
                ))}
              </select>
              <div className="dt-filter__value">
                {takesValue(f.op) ? <ValueInput n={n} filter={f} field={field} types={types} invalid={problem !== null} onChange={(patch) => update(f.uid, patch)} /> : null}
              </div>
              <button type="button" className="btn btn--ghost btn--icon btn--small" aria-label={`Remove filter ${n}`} onClick={() => onChange(filters.filter((x) => x.uid !== f.uid))}>
                <X aria-hidden="true" />
              </button>
              {problem ? (
                <p className="dt-filter__problem" role="alert">
                  {sentence(problem)}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      <div className="dt-filters__foot">
        <button type="button" className="btn btn--ghost btn--small" onClick={() => onChange([...filters, newFilter(fields[0]!)])}>
          <Plus aria-hidden="true" />
          Add filter
        </button>
        {filters.length > 0 ? (
          <button type="button" className="btn btn--ghost btn--small" onClick={() => onChange([])}>
            Clear all
          </button>
        ) : null}
      </div>
    </div>
  );
}

function ValueInput({
  n,
  filter,
  field,
  types,
  invalid,
  onChange,
}: {
  n: number;
  filter: FilterDraft;
  field: FilterField;
  types: readonly TypeSummary[];
  invalid: boolean;
  onChange: (patch: Partial<FilterDraft>) => void;
}) {
  const label = `Filter ${n}: value`;
  const common = { 'aria-label': label, 'aria-invalid': invalid || undefined } as const;
  if (field.type === 'boolean') {
    return (
      <select className="select" {...common} value={filter.raw} onChange={(e) => onChange({ raw: e.target.value })}>
        <option value="">Choose…</option>
        <option value="true">Yes</option>
        <option value="false">No</option>
      </select>
    );
  }
  if (field.type === 'enum' && field.options) {
    if (filter.op === 'in') {
      return (
        <div className="dt-toggles" role="group" aria-label={label}>
          {field.options.map((o) => {
            const on = filter.list.includes(o.value);
            return (
              <button
                key={o.value}
                type="button"
                className={`dt-toggle${on ? ' dt-toggle--on' : ''}`}
                aria-pressed={on}
                onClick={() => onChange({ list: on ? filter.list.filter((v) => v !== o.value) : [...filter.list, o.value] })}
              >
                {o.label}
              </button>
            );
          })}
        </div>
      );
    }
    return (
      <select className="select" {...common} value={filter.raw} onChange={(e) => onChange({ raw: e.target.value })}>
        <option value="">Choose…</option>
        {field.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  if ((field.type === 'relation' || field.type === 'relations') && field.target) {
    const target = types.find((t) => t.key === field.target);
    const many = filter.op === 'in';
    const labelId = `dt-filter-${filter.uid}-label`;
    return (
      <>
        <span id={labelId} className="visually-hidden">
          {label}
        </span>
        <RecordPicker
          id={`dt-filter-${filter.uid}`}
          target={field.target}
          targetLabel={target?.label ?? { singular: field.target, plural: field.target }}
          value={many ? filter.list : filter.raw ? [filter.raw] : []}
          multiple={many}
          labelledBy={labelId}
          invalid={invalid}
          onChange={(idList) => onChange(many ? { list: idList } : { raw: idList[0] ?? '' })}
        />
      </>
    );
  }
  if (field.type === 'date') return <input className="input" type="date" {...common} value={filter.raw} onChange={(e) => onChange({ raw: e.target.value })} />;
  if (field.type === 'datetime') return <input className="input" type="datetime-local" {...common} value={filter.raw} onChange={(e) => onChange({ raw: e.target.value })} />;
  const numeric = field.type === 'number' || field.type === 'money';
  return (
    <input
      className="input"
      type="text"
      inputMode={numeric && filter.op !== 'in' ? 'decimal' : undefined}
      {...common}
      placeholder={filter.op === 'in' ? 'Values, separated by commas' : numeric ? 'A number' : 'Value'}
      value={filter.raw}
      onChange={(e) => onChange({ raw: e.target.value })}
    />
  );
}
