// Contract test over every registered block: defaults parse and are stable, defaults render on the server,
// every prop has an inspector widget and a label, every slot renders its children, types and files are in order.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { slotNamesOf, type BlockDefinition } from './_lib/define-block';
import { testContext } from './_lib/test-context';
import { metaOf, unwrap, widgetFor } from './_lib/widgets';
import { blockList, getBlock, registry } from './registry';

const indexFiles = import.meta.glob('./*/index.tsx');
// Keys only: vitest stubs CSS contents, so this checks presence, not content.
const styleFiles = import.meta.glob('./*/style.css');

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Fields of list items without a label or a widget (the inspector's list editor needs both), as paths. */
function itemFieldProblems(schema: z.ZodType, path: string): string[] {
  const inner = defOf(unwrap(schema));
  if (inner.type === 'object' && inner.shape) {
    return Object.entries(inner.shape).flatMap(([k, s]) => [
      ...(metaOf(s).label ? [] : [`${path}.${k}: no label`]),
      ...(widgetFor(s) ? [] : [`${path}.${k}: no widget`]),
      ...itemFieldProblems(s, `${path}.${k}`),
    ]);
  }
  if (inner.type === 'array' && inner.element) {
    const el = defOf(unwrap(inner.element));
    if (el.type === 'object') return itemFieldProblems(inner.element, `${path}[]`);
    return metaOf(inner.element).label ? [] : [`${path}[]: no label`];
  }
  return [];
}

function render(def: BlockDefinition, props: Record<string, unknown>, ctx = testContext(), slotNames: string[] = []) {
  const slots = Object.fromEntries(slotNames.map((n) => [n, <i data-testid={`slot-${n}`} />]));
  return renderToString(<def.Render id="b_test" props={props} slots={slots} ctx={ctx} />);
}

describe('block registry', () => {
  it('has unique, kebab-case types, each in its own folder with index.tsx and style.css', () => {
    const types = blockList.map((d) => d.type);
    expect(new Set(types).size).toBe(types.length);
    for (const type of types) {
      expect(type).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(Object.keys(indexFiles)).toContain(`./${type}/index.tsx`);
      expect(Object.keys(styleFiles)).toContain(`./${type}/style.css`);
      expect(getBlock(type)).toBe(registry[type as keyof typeof registry]);
    }
  });

  it('registers every block folder', () => {
    const folders = Object.keys(indexFiles).map((p) => p.split('/')[1]);
    expect(folders.filter((f) => f !== '_lib').sort()).toEqual(blockList.map((d) => d.type).sort());
  });

  it('does not find unknown or inherited types', () => {
    expect(getBlock('nope')).toBeUndefined();
    expect(getBlock('constructor')).toBeUndefined();
    expect(getBlock('__proto__')).toBeUndefined();
  });
});

describe.each(blockList.map((def) => [def.type, def] as const))('block %s', (type, def) => {
  const defaults = def.props.parse({});

  it('parses {} to complete props, and re-parsing is stable', () => {
    expect(Object.keys(defaults).sort()).toEqual(Object.keys(def.props.shape).sort());
    expect(def.props.parse(defaults)).toEqual(defaults);
    expect(def.props.parse(JSON.parse(JSON.stringify(defaults)))).toEqual(defaults);
  });

  it('rejects unknown props', () => {
    expect(def.props.safeParse({ notAProp: 1 }).success).toBe(false);
  });

  it('gives every prop an inspector widget and a label', () => {
    for (const [key, schema] of Object.entries(def.props.shape as Record<string, z.ZodType>)) {
      expect(widgetFor(schema), `${type}.${key} has no widget`).not.toBeNull();
      expect(metaOf(schema).label, `${type}.${key} has no label`).toMatch(/\S/);
    }
    expect(itemFieldProblems(def.props, type)).toEqual([]);
  });

  it('renders its defaults on the server for a signed-in customer', () => {
    const html = render(def, defaults);
    expect(html.length).toBeGreaterThan(0);
    expect(html).toMatch(/class="pb-/);
  });

  it('renders for an anonymous viewer and in the builder', () => {
    expect(render(def, defaults, testContext({ user: null })).length).toBeGreaterThan(0);
    expect(render(def, defaults, testContext({ mode: 'builder' })).length).toBeGreaterThan(0);
  });

  it('renders the children of every slot', () => {
    const names = slotNamesOf(def, defaults);
    const html = render(def, defaults, testContext(), names);
    for (const name of names) expect(html, `slot ${name}`).toContain(`data-testid="slot-${name}"`);
  });
});
