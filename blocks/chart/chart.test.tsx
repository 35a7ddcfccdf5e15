// Chart: the server's HTML is a figure with a table of the groups (the canvas is hidden until
// chart.js has drawn it in the browser); calm states; chart.js is never imported statically.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AggregateResult } from '../../core';
import { testContext } from '../_lib/test-context';
import { chart } from '.';

const byStatus: AggregateResult = {
  kind: 'aggregate',
  entityType: 'invoice',
  measure: 'sum',
  field: { key: 'amount', label: 'Amount', type: 'money', required: false, editable: false, currency: 'EUR' },
  groups: [
    { key: 'open', label: 'Open', value: 120.5 },
    { key: 'paid', label: 'Paid', value: 980 },
  ],
  total: 1100.5,
  currency: 'EUR',
};
const render = (props: unknown, data: unknown, mode: 'runtime' | 'builder' = 'runtime') =>
  renderToString(<chart.Render id="b_chart" props={chart.props.parse(props)} slots={{}} data={data} ctx={testContext({ mode })} />);

describe('chart', () => {
  it('renders a figure with a data table of the groups, the canvas hidden until drawn', () => {
    const html = render({ title: 'Invoices by status', measure: 'sum', field: 'amount', groupBy: 'status', height: 300 }, byStatus);
    expect(html).toMatch(/<figure class="pb-chart" aria-labelledby="b_chart-title">/);
    expect(html).toContain('<figcaption class="pb-chart__title" id="b_chart-title">Invoices by status</figcaption>');
    expect(html).toMatch(/<div class="pb-chart__plot" style="height:300px" hidden="">/);
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-describedby="b_chart-table"');
    expect(html).toContain('<th scope="col">Status</th>');
    expect(html).toContain('Total amount');
    expect(html).toContain('<th scope="row">Open</th>');
    expect(html).toContain('€120.50');
    expect(html).toContain('€980.00');
    expect(html).not.toContain('Show as table');
  });

  it('is calm without data, and describes itself in the builder', () => {
    expect(render({}, { ...byStatus, groups: [] })).toContain('Nothing to show yet.');
    expect(render({}, undefined)).toContain('not set up yet');
    expect(render({}, null)).toContain('not available');
    expect(render({}, { ...byStatus, field: null })).toContain('not available for your account');
    expect(render({ entityType: 'invoice', groupBy: 'status' }, undefined, 'builder')).toContain('per status');
  });

  it('asks for a grouped aggregate', () => {
    expect(chart.data!(chart.props.parse({}))).toEqual({ kind: 'aggregate', entityType: 'invoice', measure: 'count', groupBy: 'status', filters: [] });
    expect(chart.data!(chart.props.parse({ groupBy: '' }))).toBeNull();
    expect(chart.props.safeParse({ chartType: 'radar' }).success).toBe(false);
  });

  it('loads chart.js only with import() inside an effect', () => {
    const src = Object.values(import.meta.glob<string>('./index.tsx', { query: '?raw', import: 'default', eager: true }))[0]!;
    expect(src).toContain('ChartView');
    expect(src).not.toMatch(/^import[^;]*from 'chart\.js'/m);
    expect(src).not.toMatch(/^import [^t][^;]*from '\.\/draw'/m);
    expect(src).toContain("import('./draw')");
  });
});
