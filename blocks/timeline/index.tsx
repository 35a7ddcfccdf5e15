// Timeline: the history of the record the page shows — when it was created, which fields changed
// (names only, and only those the viewer may read) and the portal actions taken on it — newest
// first, from the audit log. Only for a record within the viewer's read scope.
import type { ReactNode } from 'react';
import { z } from 'zod';
import type { TimelineResult } from '../../core';
import { BuilderSample, EmptyState, formatDateTime } from '../_lib/data-kit';
import { defineBlock, type RenderProps } from '../_lib/define-block';

export const timelineProps = z
  .object({
    entityType: z.string().trim().max(40).default('contract').meta({ label: 'Data type', widget: 'entity-type' }),
    param: z
      .string()
      .trim()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'a parameter name of the page address, like id')
      .default('id')
      .meta({ label: 'Record id from', help: 'The page address parameter holding the record id (id in /contracts/:id).' }),
    heading: z.string().trim().max(120).default('History').meta({ label: 'Heading' }),
    limit: z.number().int().min(1).max(100).default(20).meta({ label: 'Entries shown', help: 'The newest 1–100 entries.' }),
  })
  .strict();
export type TimelineProps = z.output<typeof timelineProps>;

function Timeline({ id, props, data, ctx }: RenderProps<TimelineProps>) {
  const headingId = `${id}-h`;
  const frame = (body: ReactNode) => (
    <section className="pb-timeline pd-panel" aria-labelledby={props.heading ? headingId : undefined}>
      {props.heading ? (
        <h2 className="pd-heading" id={headingId}>
          {props.heading}
        </h2>
      ) : null}
      {body}
    </section>
  );
  if (ctx.mode === 'builder') {
    return frame(
      <BuilderSample title={`Timeline · ${props.entityType || 'choose a data type'}`}>
        {`Shows the latest ${props.limit} events of the ${props.entityType || 'record'} whose id is “:${props.param}” in the page address: created, changed, and actions taken in the portal.`}
      </BuilderSample>,
    );
  }
  const result = data as TimelineResult | { kind: 'error'; message: string } | null | undefined;
  if (result === undefined || result === null) return frame(<EmptyState>There is no history to show.</EmptyState>);
  if (result.kind === 'error') return frame(<EmptyState>{result.message}</EmptyState>);
  if (!result.found) return frame(<EmptyState>There is no history to show.</EmptyState>);
  if (result.entries.length === 0) return frame(<EmptyState>Nothing has happened here yet.</EmptyState>);
  return frame(
    <ol className="pb-timeline__list">
      {result.entries.map((e, i) => (
        <li key={`${e.at}-${i}`} className="pb-timeline__item">
          <span className="pb-timeline__dot" aria-hidden="true" />
          <div className="pb-timeline__body">
            <p className="pb-timeline__summary">{e.summary}</p>
            <p className="pb-timeline__meta">
              <time dateTime={e.at}>{formatDateTime(e.at, ctx.locale)}</time>
              <span aria-hidden="true"> · </span>
              <span className="pb-sr-only">, by </span>
              <span className="pb-timeline__actor">{e.actor}</span>
            </p>
          </div>
        </li>
      ))}
    </ol>,
  );
}

export const timeline = defineBlock({
  type: 'timeline',
  label: 'Timeline',
  description: 'The history of the record the page shows: created, changed, and actions taken.',
  category: 'data',
  icon: 'timeline',
  props: timelineProps,
  data: (p) => (p.entityType ? { kind: 'timeline', entityType: p.entityType, param: p.param, limit: p.limit } : null),
  Render: Timeline,
});
