// Cards block: builder sample, cards with title links, badges and label / value lines, calm states,
// and fields the loader left out stay out.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { testContext } from '../_lib/test-context';
import { listOf } from '../entity-table/test-data';
import { entityList } from '.';

const props = (input: Record<string, unknown> = {}) => entityList.props.parse({ fields: ['product', 'startDate', 'monthlyAmount'], badgeField: 'status', detailPath: '/contracts/:id', ...input });
const render = (data: unknown, input: Record<string, unknown> = {}, ctx = testContext()) =>
  renderToString(<entityList.Render id="b_cards" props={props(input)} slots={{}} data={data} ctx={ctx} />);

describe('entity list (cards)', () => {
  it('shows a sample in the builder', () => {
    const html = render(undefined, {}, testContext({ mode: 'builder' }));
    expect(html).toContain('pd-sample');
    expect(html).toContain('Cards of contract records');
    expect(html).toContain('Monthly amount');
  });

  it('renders a card per record: title link, badge, fields', () => {
    const html = render(listOf());
    expect(html).toContain('pb-entity-list__items--cards');
    expect(html).toContain('href="/p/customer/contracts/r_c1"');
    expect(html).toContain('>C-1001</a>');
    expect(html).toContain('pd-badge--ok');
    expect(html).toContain('>Active<');
    expect(html).toContain('<dt>Monthly amount</dt>');
    expect(html).toContain('€84.50');
    expect(html).toContain('aria-label="Contracts"');
  });

  it('renders the compact list layout and no links without a record page', () => {
    const html = render(listOf(), { layout: 'list', detailPath: '' });
    expect(html).toContain('pb-entity-list__items--list');
    expect(html).not.toContain('href="/p/customer/contracts');
  });

  it('leaves out fields the loader omitted', () => {
    const html = render(listOf(['number', 'product']));
    expect(html).not.toContain('Monthly amount');
    expect(html).not.toContain('€84.50');
    expect(html).not.toContain('pd-badge');
    expect(html).toContain('Green Power 12');
  });

  it('shows empty, null and error states calmly', () => {
    expect(render(listOf(null, []), { emptyText: 'No contracts.' })).toContain('No contracts.');
    expect(render(null)).toContain('This list is not available.');
    expect(render({ kind: 'error', message: 'The block’s filter is not valid' })).toContain('The block’s filter is not valid');
  });

  it('asks for its fields and the badge, not sortable by the viewer; at most four fields', () => {
    expect(entityList.data!(props())).toMatchObject({ kind: 'list', entityType: 'contract', fields: ['product', 'startDate', 'monthlyAmount', 'status'], limit: 12, search: false });
    expect(entityList.data!(props())).not.toHaveProperty('sortable');
    expect(entityList.props.safeParse({ fields: ['a', 'b', 'c', 'd', 'e'] }).success).toBe(false);
  });
});
