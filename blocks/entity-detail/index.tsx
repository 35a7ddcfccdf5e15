// Details: one record, its id taken from the page's address (`/contracts/:id`), in titled sections
// of label / value pairs. Only fields the viewer may read arrive; a record that does not exist and
// one outside their scope read alike. Optionally a Delete button (with a confirm step) for viewers
// whose role may delete it: the server deletes it within their delete scope and goes back.
import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import type { FieldInfo, RecordResult } from '../../core';
import { ActionMessage, BuilderSample, EmptyState, FieldValue } from '../_lib/data-kit';
import { defineBlock, type RenderContext } from '../_lib/define-block';
import { linkAttrs } from '../_lib/links';
import { safeHrefOrEmpty } from '../_lib/safe-href';
import { useAction } from '../_lib/use-action';
import { DataErrorNote, DataView, entityTypeProp, fieldListProp, humanize, isDataError, isRecord, keysOf } from '../entity-table/list-kit';

export const NOT_AVAILABLE = 'This record is not available to you.';

const sectionSchema = z
  .object({
    title: z.string().trim().max(80).default('Details').meta({ label: 'Section title' }),
    fields: fieldListProp('Fields', [], 'The fields of this section, in order.'),
  })
  .strict();

export const entityDetailProps = z
  .object({
    entityType: entityTypeProp('contract'),
    param: z
      .string()
      .trim()
      .regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'the name of a parameter in the page’s address, like id for /contracts/:id')
      .default('id')
      .meta({ label: 'Record id from', help: 'The parameter of the page’s address that holds the record’s id: id for /contracts/:id.' }),
    sections: z
      .array(sectionSchema)
      .min(1, 'add at least one section')
      .max(12)
      .default([
        { title: 'Contract', fields: ['number', 'product', 'energy', 'status', 'startDate', 'endDate', 'monthlyAmount'] },
        { title: 'Supply', fields: ['deliveryAddress', 'postcode', 'meterPoint'] },
      ])
      .meta({ label: 'Sections', help: 'Fields a viewer’s role may not read are left out for them. If no section names a field, every readable field is shown.' }),
    backPath: safeHrefOrEmpty.default('/contracts').meta({ widget: 'page-link', label: 'Back link', help: 'Where “back” leads, and where a deletion returns to.' }),
    backLabel: z.string().trim().max(60).default('All contracts').meta({ label: 'Back link text' }),
    allowDelete: z.boolean().default(false).meta({ label: 'Offer deletion', help: 'Shows a Delete button to viewers whose role may delete this record.' }),
  })
  .strict();
export type EntityDetailProps = z.output<typeof entityDetailProps>;

/** Every field the sections name, once. */
export const detailFields = (p: Pick<EntityDetailProps, 'sections'>) => keysOf(p.sections.flatMap((s) => s.fields));

function BackLink({ props, ctx }: { props: EntityDetailProps; ctx: RenderContext }) {
  if (!props.backPath) return null;
  return (
    <a className="pb-entity-detail__back" {...linkAttrs(props.backPath, ctx)}>
      <svg className="pb-icon" viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" strokeWidth={1.75} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
        <path d="M19 12H5" />
        <path d="m11 6-6 6 6 6" />
      </svg>
      {props.backLabel || 'Back'}
    </a>
  );
}

/** The sections as the viewer gets them: each with the fields they may read; empty sections are left out. */
function sectionsFor(props: EntityDetailProps, fields: readonly FieldInfo[]): { title: string; fields: FieldInfo[] }[] {
  if (detailFields(props).length === 0) return fields.length ? [{ title: props.sections[0]?.title ?? 'Details', fields: [...fields] }] : [];
  return props.sections
    .map((s) => ({ title: s.title, fields: keysOf(s.fields).map((k) => fields.find((f) => f.key === k)).filter((f): f is FieldInfo => !!f) }))
    .filter((s) => s.fields.length > 0);
}

function DeleteRecord({ id, result, ctx }: { id: string; result: RecordResult; ctx: RenderContext }) {
  const action = useAction(ctx, id, 'delete');
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    // Focus follows the step: to the question when it opens, back to the button when cancelled.
    if (confirming) confirmRef.current?.focus();
    else if (moved.current) openerRef.current?.focus();
    moved.current = true;
  }, [confirming]);
  const noun = result.label.singular.toLowerCase();
  const done = action.outcome?.ok === true;
  return (
    <div className="pb-entity-detail__delete">
      {confirming && !done ? (
        <div className="pb-entity-detail__confirm" role="group" aria-labelledby={`${id}-confirm`} tabIndex={-1} ref={confirmRef}>
          <p id={`${id}-confirm`} className="pb-entity-detail__question">
            Delete this {noun}? This cannot be undone.
          </p>
          <div className="pd-actions">
            <button type="button" className="pb-btn pb-btn--small pb-entity-detail__danger" disabled={action.pending} aria-busy={action.pending || undefined} onClick={() => void action.run({ confirm: true })}>
              {action.pending ? 'Deleting…' : `Delete ${noun}`}
            </button>
            <button type="button" className="pb-btn pb-btn--secondary pb-btn--small" disabled={action.pending} onClick={() => { action.reset(); setConfirming(false); }}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" ref={openerRef} className="pb-btn pb-btn--secondary pb-btn--small pb-entity-detail__opener" disabled={done} onClick={() => setConfirming(true)}>
          Delete
        </button>
      )}
      <ActionMessage outcome={action.outcome} />
    </div>
  );
}

export const entityDetail = defineBlock({
  type: 'entity-detail',
  label: 'Details',
  description: 'One record, from the page’s address, in sections of labelled fields.',
  category: 'data',
  icon: 'detail',
  props: entityDetailProps,
  requires: (p) => [{ entity: p.entityType, op: 'read' }],
  data: (p) => ({ kind: 'record', entityType: p.entityType, fields: detailFields(p), param: p.param }),
  actions: {
    delete: {
      label: 'Delete',
      input: z.object({ confirm: z.literal(true, { error: 'confirm the deletion' }) }).strict(),
      requires: (p) => [{ entity: p.entityType, op: 'delete' }],
    },
  },
  Render: function EntityDetail({ id, props, data, can, ctx }) {
    if (ctx.mode === 'builder') {
      return (
        <DataView type="entity-detail">
          <BuilderSample title={`Details of one ${humanize(props.entityType).toLowerCase()}`}>
            Shows the record whose id is in the page’s address (:{props.param}), for signed-in users who may read it; others see “{NOT_AVAILABLE}”
            {props.allowDelete ? ' Viewers whose role may delete it get a Delete button.' : ''}
          </BuilderSample>
          <div className="pb-entity-detail__sections" aria-hidden="true">
            {props.sections.map((s, i) => (
              <section key={i} className="pd-panel pb-entity-detail__section">
                <h3 className="pb-entity-detail__section-title">{s.title}</h3>
                <dl className="pd-dl">
                  {keysOf(s.fields).map((k) => (
                    <div key={k} className="pb-entity-detail__pair">
                      <dt>{humanize(k)}</dt>
                      <dd>
                        <span className="pb-dv-bar" style={{ width: '50%' }} />
                      </dd>
                    </div>
                  ))}
                </dl>
              </section>
            ))}
          </div>
        </DataView>
      );
    }
    if (isDataError(data)) {
      return (
        <DataView type="entity-detail">
          <DataErrorNote message={data.message} />
        </DataView>
      );
    }
    if (!isRecord(data) || !data.record) {
      return (
        <DataView type="entity-detail">
          <BackLink props={props} ctx={ctx} />
          <EmptyState>{NOT_AVAILABLE}</EmptyState>
        </DataView>
      );
    }
    const record = data.record;
    const sections = sectionsFor(props, data.fields);
    const titleId = `${id}-title`;
    return (
      <DataView type="entity-detail">
        <BackLink props={props} ctx={ctx} />
        <article className="pb-entity-detail__record" aria-labelledby={titleId}>
          <header className="pb-entity-detail__header">
            <div>
              <p className="pb-entity-detail__kind">{data.label.singular}</p>
              <h2 id={titleId} className="pb-entity-detail__title">
                {record.title || data.label.singular}
              </h2>
            </div>
            {props.allowDelete && can?.delete ? <DeleteRecord id={id} result={data} ctx={ctx} /> : null}
          </header>
          {sections.length === 0 ? (
            <EmptyState>There is nothing more about this {data.label.singular.toLowerCase()} you may see.</EmptyState>
          ) : (
            <div className="pb-entity-detail__sections">
              {sections.map((s, i) => (
                <section key={i} className="pd-panel pb-entity-detail__section" aria-labelledby={`${id}-s${i}`}>
                  <h3 id={`${id}-s${i}`} className="pb-entity-detail__section-title">
                    {s.title}
                  </h3>
                  <dl className="pd-dl">
                    {s.fields.map((f) => (
                      <div key={f.key} className="pb-entity-detail__pair">
                        <dt>{f.label}</dt>
                        <dd>
                          <FieldValue field={f} row={record} ctx={ctx} titles={data.titles} />
                        </dd>
                      </div>
                    ))}
                  </dl>
                </section>
              ))}
            </div>
          )}
        </article>
      </DataView>
    );
  },
});
