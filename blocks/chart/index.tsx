// Chart: a count, sum or average of the viewer's records grouped by a field (invoices by status,
// consumption by month), computed by the server within the viewer's scope. The server's HTML is a
// figure with a compact table of the groups, readable without JavaScript; after hydration chart.js
// (a separate chunk, loaded with import()) draws the canvas in the theme's colours and the table
// stays as its text alternative, behind a "Show as table" toggle.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { z } from 'zod';
import type { AggregateResult } from '../../core';
import { BuilderSample, EmptyState } from '../_lib/data-kit';
import { defineBlock, type RenderProps } from '../_lib/define-block';
import { figureFiltersProp, figureFormatter, labelOfKey, measurable, measureLabel, measureProp, toFilters } from '../kpi/figures';
import type { DrawInput } from './draw';

export const chartProps = z
  .object({
    entityType: z.string().trim().max(40).default('invoice').meta({ label: 'Data type', widget: 'entity-type' }),
    chartType: z.enum(['bar', 'line', 'pie']).default('bar').meta({ label: 'Chart' }),
    measure: measureProp,
    field: z.string().trim().max(60).default('').meta({ label: 'Of the field', widget: 'field', entityProp: 'entityType', help: 'For sum, average, lowest and highest: a number or amount field.' }),
    groupBy: z.string().trim().max(60).default('status').meta({ label: 'Group by', widget: 'field', entityProp: 'entityType', help: 'A choice, text, date or yes/no field: one bar or slice per value.' }),
    filters: figureFiltersProp([]),
    title: z.string().trim().max(120).default('Invoices by status').meta({ label: 'Title' }),
    height: z.number().int().min(160).max(640).default(280).meta({ label: 'Height (px)' }),
  })
  .strict();
export type ChartProps = z.output<typeof chartProps>;

type Draw = (canvas: HTMLCanvasElement, input: DrawInput) => { destroy: () => void };

function ChartView({ id, props, data, ctx }: RenderProps<ChartProps>) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [draw, setDraw] = useState<Draw | null>(null);
  const [showTable, setShowTable] = useState(false);
  const result = ctx.mode === 'runtime' && data && (data as { kind?: string }).kind === 'aggregate' ? (data as AggregateResult) : null;
  // Records without a value for the grouped field form one group: "Not set" reads better than a dash.
  const groups = result && measurable(result) ? result.groups.map((g) => (g.key === '' ? { ...g, label: 'Not set' } : g)) : [];
  const format = result ? figureFormatter(result, 'auto', ctx.locale) : String;
  const drawable = groups.length > 0;

  // chart.js only in the browser and only when there is something to draw: its own chunk.
  useEffect(() => {
    if (!drawable) return;
    let live = true;
    import('./draw').then(
      (m) => live && setDraw(() => m.drawChart),
      () => undefined, // the table stays: it says everything the chart would
    );
    return () => {
      live = false;
    };
  }, [drawable]);

  const key = JSON.stringify([props.chartType, groups, result?.measure, result?.currency]);
  useEffect(() => {
    if (!draw || !canvas.current || !result) return;
    const chart = draw(canvas.current, { chartType: props.chartType, labels: groups.map((g) => g.label), values: groups.map((g) => g.value), seriesLabel: measureLabel(result), format, integer: result.measure === 'count' });
    return () => chart.destroy();
    // `key` stands for everything drawn: the chart type and the groups' values.
  }, [draw, key]);

  const titleId = `${id}-title`;
  const tableId = `${id}-table`;
  const frame = (body: ReactNode) => (
    <figure className="pb-chart" aria-labelledby={props.title ? titleId : undefined}>
      {props.title ? (
        <figcaption className="pb-chart__title" id={titleId}>
          {props.title}
        </figcaption>
      ) : null}
      {body}
    </figure>
  );

  if (ctx.mode === 'builder') {
    const what = props.measure === 'count' ? `the number of ${props.entityType || 'records'}` : `the ${props.measure === 'avg' ? 'average' : props.measure} of ${props.field || 'a field'}`;
    return frame(<BuilderSample title={`${props.chartType[0]!.toUpperCase()}${props.chartType.slice(1)} chart · ${props.entityType}`}>{`Shows ${what} per ${props.groupBy || 'group'}, over the records the signed-in user may see.`}</BuilderSample>);
  }
  if (data === undefined) return frame(<EmptyState>This chart is not set up yet.</EmptyState>);
  if (data === null) return frame(<EmptyState>This chart is not available.</EmptyState>);
  if ((data as { kind?: string }).kind === 'error') return frame(<EmptyState>{(data as { message: string }).message}</EmptyState>);
  if (!result || !measurable(result)) return frame(<EmptyState>This chart is not available for your account.</EmptyState>);
  if (!drawable) return frame(<EmptyState>Nothing to show yet.</EmptyState>);

  const drawn = draw !== null;
  return frame(
    <>
      <div className="pb-chart__plot" style={{ height: props.height }} hidden={!drawn}>
        <canvas ref={canvas} role="img" aria-label={`${props.title || 'Chart'}: ${props.chartType} chart. The values are in the table that follows.`} aria-describedby={tableId} />
      </div>
      {drawn ? (
        <button type="button" className="pb-btn pb-btn--link pb-btn--small pb-chart__toggle" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((v) => !v)}>
          {showTable ? 'Hide table' : 'Show as table'}
        </button>
      ) : null}
      <div className={drawn && !showTable ? 'pb-sr-only' : 'pd-table-wrap pb-chart__table'} id={tableId}>
        <table className="pd-table">
          <caption className="pb-sr-only">{props.title || 'Chart data'}</caption>
          <thead>
            <tr>
              <th scope="col">{labelOfKey(props.groupBy)}</th>
              <th scope="col" className="pb-chart__num">
                {measureLabel(result)}
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.key}>
                <th scope="row">{g.label}</th>
                <td className="pb-chart__num">{format(g.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>,
  );
}

export const chart = defineBlock({
  type: 'chart',
  label: 'Chart',
  description: 'A bar, line or pie chart of the user’s records, grouped by a field.',
  category: 'data',
  icon: 'chart',
  props: chartProps,
  data: (p) =>
    p.entityType && p.groupBy && (p.measure === 'count' || p.field)
      ? { kind: 'aggregate', entityType: p.entityType, measure: p.measure, ...(p.measure !== 'count' ? { field: p.field } : {}), groupBy: p.groupBy, filters: toFilters(p.filters) }
      : null,
  Render: ChartView,
});
