import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { getBlock, registry, type BlockDefinition } from '../../blocks';
import type { BlockNode } from '../../core';
import {
  defaultItem,
  describeField,
  describeFields,
  fitPixelSize,
  getAt,
  issueExactly,
  issuesByProp,
  issueWithin,
  labelOfOption,
  liveDraft,
  moveItem,
  normalizeHex,
  parseNumberInput,
  pickIssue,
  readInput,
  setAt,
  singular,
  sizePropsFor,
  slotConflict,
  summarizeItem,
  validateAt,
  type FieldDescriptor,
} from './field-model';

const fieldsOf = (type: keyof typeof registry) => describeFields(registry[type].props);
const byName = (fields: FieldDescriptor[], name: string) => fields.find((f) => f.name === name)!;

describe('describeFields', () => {
  it('describes every prop of every block with a widget and a label', () => {
    for (const def of Object.values(registry) as BlockDefinition[]) {
      const fields = describeFields(def.props);
      expect(fields.map((f) => f.name)).toEqual(Object.keys(def.props.shape));
      for (const f of fields) expect(f.label, `${def.type}.${f.name}`).not.toBe('');
    }
  });

  it('reads labels, help and widget hints from .meta()', () => {
    const hero = fieldsOf('hero');
    expect(byName(hero, 'subtitle')).toMatchObject({ widget: 'textarea', label: 'Subtitle' });
    expect(byName(hero, 'ctaHref')).toMatchObject({ widget: 'page-link', allowsEmpty: true });
    expect(byName(hero, 'eyebrow').help).toBe('A short line above the title.');
    expect(byName(fieldsOf('button'), 'href')).toMatchObject({ widget: 'page-link', allowsEmpty: false });
  });

  it('takes enum options from the schema, labelled for people', () => {
    expect(byName(fieldsOf('hero'), 'layout').options).toEqual([
      { value: 'image-right', label: 'Image right', raw: 'image-right' },
      { value: 'image-left', label: 'Image left', raw: 'image-left' },
      { value: 'background', label: 'Background', raw: 'background' },
    ]);
  });

  it('takes number bounds and integer-ness from the schema', () => {
    expect(byName(fieldsOf('columns'), 'count')).toMatchObject({ widget: 'number', min: 2, max: 4, integer: true });
    const free = describeField('ratio', z.number().default(1))!;
    expect(free.min).toBeUndefined();
    expect(free.max).toBeUndefined();
    expect(free.integer).toBe(false);
  });

  it('describes lists of objects with their item fields, hiding item ids', () => {
    const items = byName(fieldsOf('quick-links'), 'items');
    expect(items).toMatchObject({ widget: 'list', minItems: 1, maxItems: 12 });
    expect(items.item?.kind).toBe('object');
    if (items.item?.kind !== 'object') throw new Error('object items expected');
    expect(items.item.hasId).toBe(true);
    expect(items.item.label).toBe('Link');
    expect(items.item.fields.map((f) => f.name)).toEqual(['label', 'description', 'href', 'icon']);
  });

  it('describes nested lists (footer columns hold links) and lists of plain values', () => {
    const columns = byName(fieldsOf('footer'), 'columns');
    if (columns.item?.kind !== 'object') throw new Error('object items expected');
    expect(columns.item.hasId).toBe(false);
    const links = byName(columns.item.fields, 'links');
    expect(links.widget).toBe('list');
    expect(links.item?.kind).toBe('object');

    const lines = byName(fieldsOf('contact-card'), 'addressLines');
    expect(lines).toMatchObject({ widget: 'list', maxItems: 6 });
    expect(lines.item).toMatchObject({ kind: 'value', label: 'Address line' });
  });

  it('names the size props an image upload fills', () => {
    expect(byName(fieldsOf('image'), 'src').sizeProps).toEqual({ width: 'width', height: 'height' });
    expect(byName(fieldsOf('hero'), 'imageSrc').sizeProps).toEqual({ width: 'imageWidth', height: 'imageHeight' });
    expect(byName(fieldsOf('contact-card'), 'photoSrc').sizeProps).toBeUndefined();
  });

  it('caches per schema, so selecting a block does not rebuild descriptors', () => {
    expect(describeFields(registry.hero.props)).toBe(describeFields(registry.hero.props));
  });
});

describe('small helpers', () => {
  it('labels options and singularizes list labels', () => {
    expect(labelOfOption('image-right')).toBe('Image right');
    expect(labelOfOption('xs')).toBe('Extra small');
    expect(singular('Tabs')).toBe('Tab');
    expect(singular('Link columns')).toBe('Link column');
    expect(singular('Entries')).toBe('Entry');
    expect(singular('Address')).toBe('Address');
  });

  it('follows the image size convention only when both size props exist', () => {
    expect(sizePropsFor('src', ['src', 'width', 'height'])).toEqual({ width: 'width', height: 'height' });
    expect(sizePropsFor('logoSrc', ['logoSrc', 'logoWidth', 'logoHeight'])).toEqual({ width: 'logoWidth', height: 'logoHeight' });
    expect(sizePropsFor('src', ['src', 'width'])).toBeUndefined();
    expect(sizePropsFor('photo', ['photo', 'width', 'height'])).toBeUndefined();
  });

  it('scales uploads larger than the size props allow, keeping proportions', () => {
    expect(fitPixelSize(1200, 800)).toEqual({ width: 1200, height: 800 });
    expect(fitPixelSize(12000, 6000)).toEqual({ width: 10000, height: 5000 });
    expect(fitPixelSize(1, 12000)).toEqual({ width: 1, height: 10000 });
  });

  it('reads number input and hex colours', () => {
    expect(parseNumberInput('')).toBeUndefined();
    expect(parseNumberInput('1.5')).toBe(1.5);
    expect(parseNumberInput('abc')).toBeUndefined();
    const count = byName(fieldsOf('columns'), 'count');
    expect(readInput(count, '3')).toEqual({ ok: true, value: 3 });
    expect(readInput(count, '')).toEqual({ ok: false, message: 'enter a number' });
    expect(normalizeHex('ABC')).toBe('#aabbcc');
    expect(normalizeHex('#2457D6')).toBe('#2457d6');
    expect(normalizeHex('red')).toBe('red');
  });

  it('gets and sets values at paths, copying only the spine', () => {
    const value = [{ id: 'a', label: 'A', links: [{ label: 'x' }] }, { id: 'b', label: 'B' }];
    expect(getAt(value, [0, 'links', 0, 'label'])).toBe('x');
    const next = setAt(value, [0, 'links', 0, 'label'], 'y') as typeof value;
    expect(next[0]!.links![0]!.label).toBe('y');
    expect(value[0]!.links![0]!.label).toBe('x');
    expect(next[1]).toBe(value[1]);
  });

  it('moves list items and leaves impossible moves alone', () => {
    const list = ['a', 'b', 'c'];
    expect(moveItem(list, 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(list, 2, -2)).toEqual(['c', 'a', 'b']);
    expect(moveItem(list, 0, -1)).toBe(list);
    expect(moveItem(list, 2, 1)).toBe(list);
  });
});

describe('validation', () => {
  it('refuses a value its own schema refuses, with the schema message', () => {
    const text = byName(fieldsOf('heading'), 'text');
    expect(validateAt(text.schema, '')).toBe('a heading needs text');
    expect(validateAt(text.schema, 'Hello')).toBeNull();
    const count = byName(fieldsOf('columns'), 'count');
    expect(validateAt(count.schema, 5)).toBe('use at most 4 columns');
    expect(validateAt(count.schema, 2.5)).toBe('the number of columns is a whole number');
  });

  it('accepts values with surrounding spaces, as typed (the schema trims on save)', () => {
    const title = byName(fieldsOf('hero'), 'title');
    expect(validateAt(title.schema, 'Welcome ')).toBeNull();
    expect(validateAt(title.schema, '   ')).toBe('a hero needs a title');
  });

  it('refuses unsafe links and images', () => {
    const href = byName(fieldsOf('button'), 'href');
    expect(validateAt(href.schema, 'javascript:alert(1)')).toMatch(/links must be/);
    expect(validateAt(href.schema, '/invoices')).toBeNull();
    const src = byName(fieldsOf('image'), 'src');
    expect(validateAt(src.schema, 'http://example.com/a.png')).toMatch(/images must be/);
    expect(validateAt(src.schema, '/uploads/abc.png')).toBeNull();
  });

  it('reports the issue of the edited item field within a list', () => {
    const items = byName(fieldsOf('quick-links'), 'items');
    const value = [
      { id: 'a', label: 'A', description: '', href: '/a', icon: 'link' },
      { id: 'b', label: '', description: '', href: '/b', icon: 'link' },
    ];
    expect(validateAt(items.schema, value, [1, 'label'])).toBe('a link needs a label');
    expect(validateAt(items.schema, [], [])).toBe('add at least one link');
    const dup = [value[0], { ...value[0], label: 'Again' }];
    expect(validateAt(items.schema, dup, [1, 'label'])).toMatch(/ids must be unique/);
  });

  it('picks the issue that belongs to a path: own, inside, container, else any', () => {
    const issues = [
      { path: [], message: 'list' },
      { path: [2, 'label'], message: 'label' },
    ];
    expect(pickIssue(issues, [2, 'label'])).toBe('label');
    expect(pickIssue(issues, [2])).toBe('label');
    expect(pickIssue(issues, [1, 'label'])).toBe('list');
    expect(pickIssue([{ path: ['x'], message: 'x' }], ['y'])).toBe('x');
    expect(issueWithin(issues, [1])).toBeNull();
    expect(issueWithin(issues, [2])).toBe('label');
    expect(issueExactly(issues, [])).toBe('list');
    expect(issueExactly(issues, [2])).toBeNull();
  });

  it('groups block-level issues (cross-field rules) under the prop they name', () => {
    const issues = issuesByProp(registry.image.props, { ...registry.image.props.parse({}), src: '/uploads/a.png', alt: '' });
    expect(issues.get('alt')?.[0]?.message).toMatch(/alt text/);
    expect(issues.get('src')).toBeUndefined();
    expect(issuesByProp(registry.image.props, registry.image.props.parse({})).size).toBe(0);
  });
});

describe('list items', () => {
  it('makes new items from the item defaults, with a fresh valid id', () => {
    const tabs = byName(fieldsOf('tabs'), 'tabs');
    const item = defaultItem(tabs.item!, () => 'i_new') as { id: string; label: string };
    expect(item).toEqual({ id: 'i_new', label: 'Tab' });
    const generated = defaultItem(tabs.item!) as { id: string };
    expect(generated.id).toMatch(/^i_[A-Za-z0-9]+$/);
    const columns = byName(fieldsOf('footer'), 'columns');
    expect(defaultItem(columns.item!)).toEqual({ title: 'Links', links: [] });
    const lines = byName(fieldsOf('contact-card'), 'addressLines');
    expect(defaultItem(lines.item!)).toBe('');
  });

  it('summarizes an item by its first filled-in text', () => {
    const items = byName(fieldsOf('accordion'), 'items').item!;
    expect(summarizeItem(items, { id: 'q', question: 'How do I pay?', answer: '' }, 0)).toBe('How do I pay?');
    expect(summarizeItem(items, { id: 'q', question: ' ', answer: '' }, 2)).toBe('Question 3');
  });
});

describe('drafts', () => {
  it('keeps a draft while the store holds the value it was typed against', () => {
    const draft = { text: '1.50', forValue: 1.5, error: null };
    expect(liveDraft(draft, 1.5)).toBe(draft);
    expect(liveDraft(draft, 2)).toBeNull();
    expect(liveDraft(null, 1)).toBeNull();
  });
});

describe('slotConflict', () => {
  const columns = getBlock('columns')!;
  const node = (slots: Record<string, BlockNode[]>): BlockNode => ({ id: 'c', type: 'columns', props: { ...columns.props.parse({}), count: 3 }, slots });
  const child: BlockNode = { id: 'h', type: 'heading', props: {} };

  it('refuses dropping a column that still holds blocks', () => {
    expect(slotConflict(columns, node({ col3: [child] }), { ...node({}).props, count: 2 })).toBe('"Column 3" still holds 1 block: move or delete it first');
  });

  it('allows dropping an empty column, and adding columns', () => {
    expect(slotConflict(columns, node({ col3: [] }), { ...node({}).props, count: 2 })).toBeNull();
    expect(slotConflict(columns, node({ col3: [child] }), { ...node({}).props, count: 4 })).toBeNull();
  });

  it('names a removed tab by its label', () => {
    const tabs = getBlock('tabs')!;
    const props = { tabs: [{ id: 'overview', label: 'Overview' }, { id: 'details', label: 'Details' }], variant: 'underline' };
    const n: BlockNode = { id: 't', type: 'tabs', props, slots: { details: [child, { ...child, id: 'h2' }] } };
    expect(slotConflict(tabs, n, { ...props, tabs: [props.tabs[0]] })).toBe('"Details" still holds 2 blocks: move or delete them first');
  });
});
