// Renders a (filtered) block tree with the registry's pure Render components. Each block's slots
// are rendered first and handed to it as ready-made children.
import { memo, type ReactNode } from 'react';
import type { BlockNode } from '../core';
import { getBlock, slotNamesOf, type RenderContext } from '../blocks';

type Can = Record<string, Record<string, boolean>>;
type Props = { nodes: readonly BlockNode[]; ctx: RenderContext; data: Record<string, unknown>; can?: Can };
const NONE: Readonly<Record<string, boolean>> = {};

export const BlockTree = memo(function BlockTree({ nodes, ctx, data, can }: Props) {
  return (
    <>
      {nodes.map((node) => (
        <Block key={node.id} node={node} ctx={ctx} data={data} can={can} />
      ))}
    </>
  );
});

function Block({ node, ctx, data, can }: { node: BlockNode; ctx: RenderContext; data: Record<string, unknown>; can: Can | undefined }) {
  const def = getBlock(node.type);
  // The server validated the document against this registry; an unknown type cannot get here.
  if (!def) return null;
  const slots: Record<string, ReactNode> = {};
  for (const name of slotNamesOf(def, node.props)) {
    const children = node.slots?.[name];
    slots[name] = children && children.length ? <BlockTree nodes={children} ctx={ctx} data={data} can={can} /> : null;
  }
  const Render = def.Render;
  return <Render id={node.id} props={node.props} slots={slots} data={data[node.id]} can={can?.[node.id] ?? NONE} ctx={ctx} />;
}
