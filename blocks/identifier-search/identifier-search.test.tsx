// Find a record: labelled inputs per configured identifier in a search landmark, the builder sample,
// calm states, and a strict action input with 1–4 fields.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { RecordResult } from '../../core';
import { testContext } from '../_lib/test-context';
import { identifierSearch } from '.';

const result: RecordResult = {
  kind: 'record',
  entityType: 'contract',
  label: { singular: 'Contract', plural: 'Contracts' },
  fields: [
    { key: 'number', label: 'Contract number', type: 'text', required: true, editable: false },
    { key: 'postcode', label: 'Postcode', type: 'text', required: false, editable: false, maxLength: 20 },
  ],
  record: null,
  titles: {},
};
const render = (props: unknown, data: unknown, mode: 'runtime' | 'builder' = 'runtime') =>
  renderToString(<identifierSearch.Render id="b_find" props={identifierSearch.props.parse(props)} slots={{}} data={data} can={{ find: true }} ctx={testContext({ mode })} />);

describe('identifier-search', () => {
  it('renders a search form with a labelled, required input per identifier', () => {
    const html = render({}, result);
    expect(html).toContain('Find your contract');
    expect(html).toContain('role="search"');
    expect(html).toContain('for="b_find-q-number"');
    expect(html).toContain('>Contract number');
    expect(html).toContain('for="b_find-q-postcode"');
    expect(html.match(/aria-required="true"/g)).toHaveLength(2);
    expect(html).toMatch(/<button type="submit"[^>]*>Find<\/button>/);
    expect(html).toContain('role="status"');
  });

  it('says it is not available when the viewer may not read a search field, or nothing is set up', () => {
    expect(render({}, { ...result, fields: result.fields.slice(0, 1) })).toContain('not available for your account');
    expect(render({}, undefined)).toContain('not set up yet');
    expect(render({}, null)).toContain('not available');
  });

  it('describes itself in the builder', () => {
    const html = render({ fields: ['number', 'postcode'] }, undefined, 'builder');
    expect(html).toContain('number and postcode');
    expect(html).toContain('/contracts/:id');
  });

  it('loads only the search fields’ labels, never a record', () => {
    const props = identifierSearch.props.parse({});
    expect(identifierSearch.data!(props)).toEqual({ kind: 'fields', entityType: 'contract', fields: ['number', 'postcode'] });
    expect(identifierSearch.actions!.find!.requires!(props)).toEqual([{ entity: 'contract', op: 'read' }]);
  });

  it('takes 1–4 fields, a portal page and a strict input', () => {
    expect(identifierSearch.props.safeParse({ fields: [] }).success).toBe(false);
    expect(identifierSearch.props.safeParse({ fields: ['a', 'b', 'c', 'd', 'e'] }).success).toBe(false);
    expect(identifierSearch.props.safeParse({ resultPath: 'javascript:alert(1)' }).success).toBe(false);
    const input = identifierSearch.actions!.find!.input;
    expect(input.safeParse({ values: { number: 'C-1', postcode: '10115' } }).success).toBe(true);
    expect(input.safeParse({ values: { number: 5 } }).success).toBe(false);
    expect(input.safeParse({ values: {}, extra: 1 }).success).toBe(false);
  });
});
