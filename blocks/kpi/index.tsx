// Key figure: one number over the viewer's records — how many invoices are open, the total of their
// amounts — shown big with a label and a hint. The server computes it in SQL within the viewer's
// scope (data kind 'aggregate'), so two customers see their own figures from one configuration.
import { z } from 'zod';
import type { AggregateResult } from '../../core';
import { BuilderSample } from '../_lib/data-kit';
import { defineBlock, type RenderProps } from '../_lib/define-block';
import { figureFiltersProp, figureFormatter, measurable, measureProp, toFilters } from './figures';

export const kpiProps = z
  .object({
    entityType: z.string().trim().max(40).default('invoice').meta({ label: 'Data type', widget: 'entity-type' }),
    measure: measureProp,
    field: z.string().trim().max(60).default('amount').meta({ label: 'Of the field', widget: 'field', entityProp: 'entityType', help: 'For sum, average, lowest and highest: a number or amount field.' }),
    filters: figureFiltersProp([{ field: 'status', op: 'equals', value: 'open' }]),
    label: z.string().trim().max(80).default('Open invoices').meta({ label: 'Label' }),
    hint: z.string().trim().max(200).default('Waiting for payment').meta({ label: 'Hint', help: 'A short line under the figure.' }),
    format: z.enum(['auto', 'number', 'money']).default('auto').meta({ label: 'Show as', help: 'Auto: amounts as money, everything else as a number.' }),
  })
  .strict();
export type KpiProps = z.output<typeof kpiProps>;

function Kpi({ id, props, data, ctx }: RenderProps<KpiProps>) {
  const labelId = `${id}-label`;
  const frame = (value: string, note?: string, srValue?: string) => (
    <div className="pb-kpi" role="group" aria-labelledby={labelId}>
      <p className="pb-kpi__label" id={labelId}>
        {props.label || 'Key figure'}
      </p>
      <p className="pb-kpi__value">
        <span aria-hidden={srValue ? true : undefined}>{value}</span>
        {srValue ? <span className="pb-sr-only">{srValue}</span> : null}
      </p>
      {note ? <p className="pb-kpi__note">{note}</p> : props.hint ? <p className="pb-kpi__hint">{props.hint}</p> : null}
    </div>
  );

  if (ctx.mode === 'builder') {
    const what = props.measure === 'count' ? (props.entityType ? `the number of ${props.entityType} records` : 'the number of records') : `the ${props.measure === 'avg' ? 'average' : props.measure} of ${props.field || 'a field'}`;
    return (
      <div className="pb-kpi pb-kpi--sample">
        <BuilderSample title={`Key figure · ${props.label || props.entityType}`}>{`Shows ${what} the signed-in user may see${toFilters(props.filters).length ? ', matching the conditions' : ''}.`}</BuilderSample>
      </div>
    );
  }
  const result = data as AggregateResult | { kind: 'error'; message: string } | null | undefined;
  if (result === undefined) return frame('—', 'This key figure is not set up yet.', 'not available');
  if (result === null) return frame('—', 'Not available.', 'not available');
  if (result.kind === 'error') return frame('—', result.message, 'not available');
  if (!measurable(result) || (result.measure !== 'count' && result.measure !== 'sum' && result.groups.length === 0)) return frame('—', undefined, 'no value');
  return frame(figureFormatter(result, props.format, ctx.locale)(result.total));
}

export const kpi = defineBlock({
  type: 'kpi',
  label: 'Key figure',
  description: 'One number over the user’s records, like open invoices or the total due.',
  category: 'data',
  icon: 'kpi',
  props: kpiProps,
  data: (p) =>
    p.entityType && (p.measure === 'count' || p.field)
      ? { kind: 'aggregate', entityType: p.entityType, measure: p.measure, ...(p.measure !== 'count' ? { field: p.field } : {}), filters: toFilters(p.filters) }
      : null,
  Render: Kpi,
});
