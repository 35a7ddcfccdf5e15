// widgetFor / metaOf: which inspector widget edits a prop, from its zod type and `.meta()` hints.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { metaOf, registry, unwrap, widgetFor } from '../../blocks';

describe('widgetFor', () => {
  it('maps plain types to their natural widgets', () => {
    expect(widgetFor(z.string())).toBe('text');
    expect(widgetFor(z.number())).toBe('number');
    expect(widgetFor(z.number().int().min(1))).toBe('number');
    expect(widgetFor(z.int())).toBe('number');
    expect(widgetFor(z.boolean())).toBe('toggle');
    expect(widgetFor(z.enum(['h1', 'h2']))).toBe('select');
    expect(widgetFor(z.literal('only'))).toBe('select');
  });

  it('edits arrays of objects, and of editable values, as lists', () => {
    expect(widgetFor(z.array(z.object({ field: z.string(), label: z.string() })))).toBe('list');
    expect(widgetFor(z.array(z.object({ field: z.string() }).optional()))).toBe('list');
    expect(widgetFor(z.array(z.string()))).toBe('list');
  });

  it('takes a widget hint from .meta() where the type alone is ambiguous', () => {
    expect(widgetFor(z.string().meta({ widget: 'color' }))).toBe('color');
    expect(widgetFor(z.string().meta({ widget: 'richtext' }))).toBe('richtext');
  });

  it('keeps the hint through .default() and .optional() wrappers', () => {
    expect(widgetFor(z.string().meta({ widget: 'color' }).default('#2457d6'))).toBe('color');
    expect(widgetFor(z.string().meta({ widget: 'color' }).optional())).toBe('color');
    expect(widgetFor(z.string().meta({ widget: 'image' }).optional().default(''))).toBe('image');
    expect(widgetFor(z.string().meta({ widget: 'url' }).nullable())).toBe('url');
  });

  it('looks through wrappers to the inner type without a hint', () => {
    expect(widgetFor(z.boolean().default(false))).toBe('toggle');
    expect(widgetFor(z.enum(['a', 'b']).optional())).toBe('select');
  });

  it('ignores a hint that is not a known widget', () => {
    expect(widgetFor(z.string().meta({ widget: 'slider' }))).toBe('text');
  });

  it('returns null when no widget can edit the type', () => {
    expect(widgetFor(z.map(z.string(), z.number()))).toBeNull();
    expect(widgetFor(z.array(z.map(z.string(), z.number())))).toBeNull();
    expect(widgetFor(z.object({ a: z.string() }))).toBeNull();
    expect(widgetFor(z.date().optional())).toBeNull();
  });

  it('has a widget for every prop of the registered blocks', () => {
    for (const def of [registry.section, registry.heading]) {
      for (const [name, schema] of Object.entries(def.props.shape)) expect(widgetFor(schema), `${def.type}.${name}`).not.toBeNull();
    }
  });
});

describe('metaOf and unwrap', () => {
  it('merges meta across wrappers, the outermost winning', () => {
    const schema = z.string().meta({ widget: 'color', label: 'Inner', help: 'A colour' }).optional().meta({ label: 'Outer' });
    expect(metaOf(schema)).toEqual({ widget: 'color', label: 'Outer', help: 'A colour' });
    expect(metaOf(z.string())).toEqual({});
  });

  it('unwraps to the innermost schema', () => {
    const inner = z.string();
    expect(unwrap(inner.optional().default('x').nullable())).toBe(inner);
    expect(unwrap(inner)).toBe(inner);
  });
});
