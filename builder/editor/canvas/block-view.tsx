// One block on the canvas: the registry's real Render inside a thin wrapper that carries the block's
// id for hit-testing, its hover and selection outline, and, when selected, the mini-toolbar.
//
// Speed: BlockView is memoised on the node object, which core's tree operations replace only along
// the path of a change, so a keystroke re-renders the edited block and its ancestors, and every
// ancestor re-uses its other children as they are. The wrapper (NodeFrame) subscribes only to
// "is this block selected", and gets the rendered block as an unchanged `children` element, so a
// selection change re-renders two wrappers and no block.
import { Component, createContext, memo, useContext, type ReactNode } from 'react';
import type { BlockNode } from '../../../core';
import { getBlock, type RenderContext } from '../../../blocks';
import { useEditor } from '../../store/editor-store';
import { useDnd } from '../dnd';
import { slotsOf } from '../dnd/tree-order';
import { SelectionToolbar } from './selection-toolbar';

export const CanvasRenderContext = createContext<RenderContext | null>(null);

export function NodeList({ nodes }: { nodes: readonly BlockNode[] }) {
  return nodes.map((node) => <BlockView key={node.id} node={node} />);
}

export const BlockView = memo(
  function BlockView({ node }: { node: BlockNode }) {
    const ctx = useContext(CanvasRenderContext);
    const def = getBlock(node.type);
    const label = def?.label ?? node.type;
    let content: ReactNode;
    if (!def || !ctx) {
      content = <div className="cv-broken">Unknown block type “{node.type}”.</div>;
    } else {
      const slots: Record<string, ReactNode> = {};
      for (const [name, children] of slotsOf(node)) {
        slots[name] = children.length ? <NodeList nodes={children} /> : <EmptySlot parentId={node.id} slot={name} />;
      }
      const Render = def.Render;
      content = (
        <BlockBoundary node={node} label={label}>
          <Render id={node.id} props={node.props} slots={slots} ctx={ctx} />
        </BlockBoundary>
      );
    }
    return (
      <NodeFrame id={node.id} type={node.type} label={label}>
        {content}
      </NodeFrame>
    );
  },
  (a, b) => a.node === b.node,
);

function NodeFrame({ id, type, label, children }: { id: string; type: string; label: string; children: ReactNode }) {
  const selected = useEditor((s) => s.selectedId === id);
  return (
    <div className={`cv-node cv-node--${type}`} data-cv-node={id} data-cv-label={label} data-selected={selected ? '' : undefined}>
      {children}
      {selected ? <SelectionToolbar id={id} type={type} label={label} /> : null}
    </div>
  );
}

/** A slot with no blocks yet: a visible place to drop into (highlighted while a drag is over it). */
function EmptySlot({ parentId, slot }: { parentId: string; slot: string }) {
  const over = useDnd((s) => s.target?.kind === 'position' && s.target.position.parentId === parentId && s.target.position.slot === slot);
  return (
    <div className={`cv-empty${over ? ' cv-empty--over' : ''}`} data-cv-empty="" data-parent={parentId} data-slot={slot}>
      Drop blocks here
    </div>
  );
}

/** A block whose Render throws (say, props mid-edit) shows a note instead of taking the canvas down. */
class BlockBoundary extends Component<{ node: BlockNode; label: string; children: ReactNode }, { error: string | null; node: BlockNode | null }> {
  override state: { error: string | null; node: BlockNode | null } = { error: null, node: null };

  static getDerivedStateFromError(err: unknown) {
    return { error: err instanceof Error ? err.message : String(err) };
  }

  // A changed node gets a fresh try.
  static getDerivedStateFromProps(props: { node: BlockNode }, state: { node: BlockNode | null }) {
    return state.node === props.node ? null : { node: props.node, error: null };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="cv-broken" role="note">
        {this.props.label} cannot be shown: {this.state.error}
      </div>
    );
  }
}
