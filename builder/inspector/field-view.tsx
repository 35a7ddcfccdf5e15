// Picks the control for a field by its widget kind, and the list control, which renders its items'
// fields with this same view (recursively: footer columns hold lists of links). Also the memoised
// top-level field of a block, whose commit goes to the store.
import { ArrowDown, ArrowUp, ChevronRight, Plus, Trash2 } from 'lucide-react';
import { memo, useCallback, useState } from 'react';
import type { BlockDefinition } from '../../blocks';
import { editorStore } from '../store/editor-store';
import { ColorWidget, SelectWidget, TextWidget, ToggleWidget, type WidgetProps } from './basic-widgets';
import { EntityPickerWidget } from './entity-widgets';
import { FieldFrame } from './field-frame';
import {
  defaultItem,
  issueExactly,
  issueWithin,
  moveItem,
  summarizeItem,
  type FieldDescriptor,
  type FieldIssue,
  type Path,
} from './field-model';
import { ImageWidget } from './image-widget';
import { PageLinkWidget } from './page-link-widget';
import { commitProp, type Commit } from './prop-commit';
import { RichTextWidget } from './rich-text-widget';

type ViewProps = Omit<WidgetProps, 'issue'> & { issues: readonly FieldIssue[] };

export function FieldView(props: ViewProps) {
  const { issues, ...rest } = props;
  if (props.field.widget === 'list') return <ListWidget {...props} />;
  const widget: WidgetProps = { ...rest, issue: issueWithin(issues, props.path) };
  switch (props.field.widget) {
    case 'select':
      return <SelectWidget {...widget} />;
    case 'toggle':
      return <ToggleWidget {...widget} />;
    case 'color':
      return <ColorWidget {...widget} />;
    case 'image':
      return <ImageWidget {...widget} />;
    case 'richtext':
      return <RichTextWidget {...widget} />;
    case 'page-link':
      return <PageLinkWidget {...widget} />;
    case 'entity-type':
    case 'field':
      return <EntityPickerWidget {...widget} />;
    default:
      return <TextWidget {...widget} />;
  }
}

const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

function ListWidget({ id, field, value, path, issues, commit }: ViewProps) {
  const item = field.item!;
  const items: unknown[] = Array.isArray(value) ? value : [];
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const shownError = error ?? issueExactly(issues, path);
  const atMax = field.maxItems !== undefined && items.length >= field.maxItems;
  const atMin = items.length <= (field.minItems ?? 0);
  const keyOf = (v: unknown, i: number) => {
    const itemId = item.kind === 'object' && v && typeof v === 'object' ? (v as { id?: unknown }).id : undefined;
    return typeof itemId === 'string' ? itemId : String(i);
  };
  const itemDomId = (key: string) => `${id}-item-${key}`;

  const change = (update: (list: unknown[]) => unknown[], said: string) => {
    const message = commit(path, (cur) => update(Array.isArray(cur) ? cur : []));
    setError(message);
    if (!message) setAnnouncement(said);
    return !message;
  };

  const add = () => {
    const fresh = defaultItem(item);
    if (fresh === undefined) return;
    const key = keyOf(fresh, items.length);
    if (change((list) => [...list, fresh], `${item.label} ${items.length + 1} added.`)) {
      setOpen((s) => new Set(s).add(key));
      focusLater(item.kind === 'object' ? `${itemDomId(key)}-toggle` : `${id}-${items.length}`);
    }
  };
  const remove = (i: number, summary: string) => {
    if (change((list) => list.toSpliced(i, 1), `${summary} removed.`)) {
      const next = items[i + 1] ?? items[i - 1];
      focusLater(next === undefined ? `${id}-add` : `${itemDomId(keyOf(next, items[i + 1] !== undefined ? i : i - 1))}-remove`);
    }
  };
  const move = (i: number, delta: number, summary: string, key: string) => {
    const to = i + delta;
    if (change((list) => moveItem(list, i, delta), `${summary} moved to position ${to + 1} of ${items.length}.`)) {
      // Items without ids are keyed by position: their open state and key travel with them.
      const byIndex = key === String(i);
      if (byIndex) {
        setOpen((s) => {
          const next = new Set(s);
          const a = s.has(String(i));
          const b = s.has(String(to));
          next.delete(String(i));
          next.delete(String(to));
          if (a) next.add(String(to));
          if (b) next.add(String(i));
          return next;
        });
      }
      // The button used may now be disabled (first or last place): then focus its twin.
      const edge = to === 0 || to === items.length - 1;
      const button = edge ? (delta < 0 ? 'down' : 'up') : delta < 0 ? 'up' : 'down';
      focusLater(`${itemDomId(byIndex ? String(to) : key)}-${button}`);
    }
  };
  const toggle = (key: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const count = field.maxItems !== undefined ? `${items.length} / ${field.maxItems}` : String(items.length);
  return (
    <FieldFrame id={id} label={field.label} help={field.help} error={shownError} labelFor={false} aside={<span className="insp-list__count">{count}</span>}>
      <div className="insp-list" role="group" aria-labelledby={`${id}-label`}>
        {items.length === 0 ? <p className="insp-list__empty">None yet.</p> : null}
        {items.length === 0 ? null : (
          <ul className="insp-list__items">
            {items.map((v, i) => {
              const key = keyOf(v, i);
              const domId = itemDomId(key);
              const summary = summarizeItem(item, v, i);
              const tools = (
                <div className="insp-list__tools">
                  <button type="button" id={`${domId}-up`} className="btn btn--ghost btn--icon btn--small" aria-label={`Move ${summary} up`} title="Move up" disabled={i === 0} onClick={() => move(i, -1, summary, key)}>
                    <ArrowUp aria-hidden="true" />
                  </button>
                  <button
                    type="button"
                    id={`${domId}-down`}
                    className="btn btn--ghost btn--icon btn--small"
                    aria-label={`Move ${summary} down`}
                    title="Move down"
                    disabled={i === items.length - 1}
                    onClick={() => move(i, 1, summary, key)}
                  >
                    <ArrowDown aria-hidden="true" />
                  </button>
                  <button
                    type="button"
                    id={`${domId}-remove`}
                    className="btn btn--ghost btn--icon btn--small insp-list__remove"
                    aria-label={`Remove ${summary}`}
                    title={atMin ? `Keep at least ${field.minItems}` : 'Remove'}
                    disabled={atMin}
                    onClick={() => remove(i, summary)}
                  >
                    <Trash2 aria-hidden="true" />
                  </button>
                </div>
              );
              if (item.kind === 'value') {
                return (
                  <li key={key} className="insp-list__row">
                    <div className="insp-list__value">
                      <FieldView id={`${id}-${i}`} field={{ ...item.field, label: `${item.label} ${i + 1}` }} value={v} path={[...path, i]} issues={issues} commit={commit} hideLabel />
                    </div>
                    {tools}
                  </li>
                );
              }
              const isOpen = open.has(key);
              const problem = !isOpen && issueWithin(issues, [...path, i]) !== null;
              return (
                <li key={key} className={`insp-list__item${isOpen ? ' insp-list__item--open' : ''}`}>
                  <div className="insp-list__head">
                    <button type="button" id={`${domId}-toggle`} className="insp-list__toggle" aria-expanded={isOpen} aria-controls={`${domId}-body`} onClick={() => toggle(key)}>
                      <ChevronRight className="insp-list__chevron" aria-hidden="true" />
                      <span className="insp-list__summary">{summary}</span>
                      {problem ? (
                        <span className="insp-list__problem">
                          <span className="visually-hidden">(has a problem)</span>
                        </span>
                      ) : null}
                    </button>
                    {tools}
                  </div>
                  {isOpen ? (
                    <div id={`${domId}-body`} className="insp-list__body" role="group" aria-labelledby={`${domId}-toggle`}>
                      {item.fields.map((f) => (
                        <FieldView
                          key={f.name}
                          id={`${domId}-${f.name}`}
                          field={f}
                          value={v && typeof v === 'object' ? (v as Record<string, unknown>)[f.name] : undefined}
                          path={[...path, i, f.name]}
                          issues={issues}
                          commit={commit}
                        />
                      ))}
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        <button type="button" id={`${id}-add`} className="btn btn--small insp-list__add" onClick={add} disabled={atMax} title={atMax ? `At most ${field.maxItems}` : undefined}>
          <Plus aria-hidden="true" />
          Add {item.label.toLowerCase()}
        </button>
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
      </div>
    </FieldFrame>
  );
}

const TOP: Path = [];

/** One prop of the selected block. Memoised: typing in one field re-renders that field only. */
export const PropField = memo(function PropField({
  idBase,
  nodeId,
  def,
  field,
  value,
  issues,
}: {
  idBase: string;
  nodeId: string;
  def: BlockDefinition;
  field: FieldDescriptor;
  value: unknown;
  issues: readonly FieldIssue[];
}) {
  const commit = useCallback<Commit>((path, update, opts) => commitProp(editorStore, { nodeId, def, field }, path, update, opts), [nodeId, def, field]);
  return <FieldView id={`${idBase}-${field.name}`} field={field} value={value} path={TOP} issues={issues} commit={commit} />;
});
