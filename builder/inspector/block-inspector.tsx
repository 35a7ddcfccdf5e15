// The selected block's panel: its fields generated from the props schema, who sees it, and the
// block actions. Re-renders when this node changes only; each field is memoised on its own value.
import { ArrowUpLeft, Copy, Trash2 } from 'lucide-react';
import { memo, useCallback, useId, useMemo } from 'react';
import { getBlock } from '../../blocks';
import type { BlockNode, Visibility } from '../../core';
import { duplicateBlockById, removeBlockById } from '../editor/canvas/commands';
import { nodeById } from '../store/block-index';
import { editorStore, useEditor } from '../store/editor-store';
import { toast } from '../ui/toasts';
import { BlockIcon } from './block-icon';
import { BlockValuesContext, EntityCatalogProvider } from './entity-widgets';
import { useEntityCatalog } from './use-entity-catalog';
import { PropField } from './field-view';
import { describeFields, issuesByProp, type FieldDescriptor, type FieldIssue } from './field-model';
import { sentence } from './field-frame';
import { defaultsOf } from './prop-commit';
import { useRoleKeys } from './use-role-keys';
import { VisibilityPanel } from './visibility-panel';

const NO_ISSUES: readonly FieldIssue[] = [];

/** Two short number fields in a row (width and height) sit side by side; the rest one per row. */
function groupFields(fields: readonly FieldDescriptor[]): FieldDescriptor[][] {
  const groups: FieldDescriptor[][] = [];
  for (let i = 0; i < fields.length; i++) {
    const a = fields[i]!;
    const b = fields[i + 1];
    if (b && a.widget === 'number' && b.widget === 'number' && !a.help && !b.help) {
      groups.push([a, b]);
      i++;
    } else {
      groups.push([a]);
    }
  }
  return groups;
}

function pageOf(id: string): string | undefined {
  return editorStore.getState().index.get(id)?.pageId;
}

// The same commands as the canvas toolbar and the shortcuts, so the selection moves the same way.
const duplicate = (id: string) => {
  if (duplicateBlockById(id)) toast('Block duplicated.');
};
const remove = (id: string) => {
  if (removeBlockById(id)) toast('Block deleted. Press Ctrl+Z to undo.');
};

/** The parent block's id and label, as a primitive-friendly pair of selectors. */
function useParent(id: string): { parentId: string | null; parentLabel: string | null } {
  const parentId = useEditor((s) => s.index.get(id)?.parentId ?? null);
  const parentType = useEditor((s) => (parentId && s.doc ? (nodeById(s.doc, s.index, parentId)?.type ?? null) : null));
  return { parentId, parentLabel: parentType ? (getBlock(parentType)?.label ?? parentType) : null };
}

export const BlockInspector = memo(function BlockInspector({ node }: { node: BlockNode }) {
  const idBase = useId();
  const catalog = useEntityCatalog();
  const def = getBlock(node.type);
  const issues = useMemo(() => (def ? issuesByProp(def.props, node.props) : new Map<string, FieldIssue[]>()), [def, node.props]);
  const { parentId, parentLabel } = useParent(node.id);
  const nodeId = node.id;
  const roleKeys = useRoleKeys();
  const onVisibility = useCallback((visibility: Visibility | undefined) => {
    const pageId = pageOf(nodeId);
    if (pageId) editorStore.getState().dispatch({ type: 'setVisibility', pageId, id: nodeId, visibility });
  }, [nodeId]);

  if (!def) {
    return (
      <div className="insp__empty">
        <h2 className="insp__title">Unknown block</h2>
        <p className="muted">
          This portal uses a block type (<span className="mono">{node.type}</span>) that this version of Portico does not know. Delete it or update Portico.
        </p>
      </div>
    );
  }

  const fields = describeFields(def.props);
  const defaults = defaultsOf(def);
  const general = issues.get('');
  return (
    <>
      <header className="insp__header">
        <span className="insp__icon" aria-hidden="true">
          <BlockIcon name={def.icon} />
        </span>
        <div className="insp__heading-text">
          <h2 className="insp__title">{def.label}</h2>
          <p className="insp__desc">{def.description}</p>
        </div>
      </header>
      {parentId && parentLabel ? (
        <button type="button" className="insp__parent" onClick={() => editorStore.getState().select(parentId)}>
          <ArrowUpLeft aria-hidden="true" />
          Select the parent {parentLabel.toLowerCase()}
        </button>
      ) : null}

      <EntityCatalogProvider value={catalog}>
        <BlockValuesContext value={node.props}>
          <section className="insp__section" aria-labelledby={`${idBase}-props`}>
            <h3 className="insp__section-title" id={`${idBase}-props`}>
              Properties
            </h3>
            {general?.map((i) => (
              <p key={i.message} className="insp-field__error">
                {sentence(i.message)}
              </p>
            ))}
            {fields.length === 0 ? <p className="insp__note">This block has no settings.</p> : null}
            {groupFields(fields).map((group) => {
              const views = group.map((field) => (
                <PropField
                  key={field.name}
                  idBase={idBase}
                  nodeId={node.id}
                  def={def}
                  field={field}
                  value={Object.hasOwn(node.props, field.name) ? node.props[field.name] : defaults[field.name]}
                  issues={issues.get(field.name) ?? NO_ISSUES}
                />
              ));
              return group.length > 1 ? (
                <div key={group[0]!.name} className="insp-pair">
                  {views}
                </div>
              ) : (
                views[0]
              );
            })}
          </section>
        </BlockValuesContext>
      </EntityCatalogProvider>

      <section className="insp__section" aria-labelledby={`${idBase}-vis`}>
        <h3 className="insp__section-title" id={`${idBase}-vis`}>
          Visibility
        </h3>
        <VisibilityPanel value={node.visibility} onChange={onVisibility} subject="block" knownRoles={roleKeys} />
      </section>

      <section className="insp__section insp__section--actions" aria-labelledby={`${idBase}-actions`}>
        <h3 className="insp__section-title" id={`${idBase}-actions`}>
          Block
        </h3>
        <div className="insp__actions">
          <button type="button" className="btn btn--small" onClick={() => duplicate(node.id)} aria-keyshortcuts="Control+D">
            <Copy aria-hidden="true" />
            Duplicate
            <kbd className="insp__kbd">Ctrl D</kbd>
          </button>
          <button type="button" className="btn btn--small insp__delete" onClick={() => remove(node.id)} aria-keyshortcuts="Delete">
            <Trash2 aria-hidden="true" />
            Delete
            <kbd className="insp__kbd">Del</kbd>
          </button>
        </div>
      </section>
    </>
  );
});
