// The entity types: the built-in Account and Contact first, then the organisation's own, each with
// its fields, record count and the links that access levels follow; a way to create another.
import { Lock, Plus, Settings2, Table2 } from 'lucide-react';
import type { ReactNode } from 'react';
import { SELF_LINK, type EntityType } from '../../core';
import { onLinkClick } from '../router';
import { LoadError, LoadingRows } from '../ui/load-states';
import { READ_ONLY_NOTE, useDataContext, type TypesQuery } from './data-queries';
import { dataHref } from './data-route';
import { FIELD_TYPE_LABELS } from './type-draft';

export function TypesList({ types }: { types: TypesQuery }) {
  const { portalId, canWrite } = useDataContext();
  return (
    <div className="content dt-content dt-content--wide">
      <header className="page-header sh-page-header">
        <div>
          <h1>Entity types</h1>
          <p className="sh-subtitle">The kinds of records your portals show, and their fields. Access levels follow each type’s account and contact link.</p>
        </div>
        {canWrite ? (
          <a className="btn btn--primary" href={dataHref(portalId, { view: 'new-type' })} onClick={onLinkClick}>
            <Plus aria-hidden="true" />
            New type
          </a>
        ) : null}
      </header>
      {!canWrite ? <p className="sh-callout sh-callout--info">{READ_ONLY_NOTE}</p> : null}
      {types.isPending ? (
        <LoadingRows label="Loading the entity types" />
      ) : types.isError ? (
        <LoadError title="The entity types could not be loaded" error={types.error} retry={() => void types.refetch()} />
      ) : (
        <table className="table dt-types-table">
          <caption className="visually-hidden">Entity types</caption>
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Fields</th>
              <th scope="col">Access links</th>
              <th scope="col" className="dt-num">
                Records
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {types.data.map((t) => (
              <tr key={t.key}>
                <td>
                  <div className="dt-type-cell">
                    <span className="dt-type-mark" aria-hidden="true">
                      {t.label.singular.slice(0, 1).toUpperCase()}
                    </span>
                    <div className="dt-type-cell__text">
                      <div className="dt-type-cell__name">
                        <a href={dataHref(portalId, { view: 'type', key: t.key })} onClick={onLinkClick}>
                          {t.label.singular}
                        </a>
                        {t.builtIn ? (
                          <span className="badge badge--muted" title="Built in: its own fields cannot be removed or retyped; you can add fields">
                            <Lock aria-hidden="true" className="sh-badge-icon" />
                            Built-in
                          </span>
                        ) : null}
                      </div>
                      <div className="sh-cell-sub">
                        <span className="mono">{t.key}</span>
                        {t.description ? <> · {t.description}</> : null}
                      </div>
                    </div>
                  </div>
                </td>
                <td>
                  <FieldSummary type={t} />
                </td>
                <td>
                  <LinkSummary type={t} />
                </td>
                <td className="dt-num">
                  <a className="dt-count-link" href={dataHref(portalId, { view: 'records', type: t.key, record: null })} onClick={onLinkClick}>
                    {t.recordCount.toLocaleString()}
                    <span className="visually-hidden"> {t.label.plural}</span>
                  </a>
                </td>
                <td className="sh-actions-cell">
                  <div className="sh-row-actions">
                    <a className="btn btn--small" href={dataHref(portalId, { view: 'records', type: t.key, record: null })} onClick={onLinkClick}>
                      <Table2 aria-hidden="true" />
                      Records<span className="visually-hidden"> of {t.label.plural}</span>
                    </a>
                    <a className="btn btn--small" href={dataHref(portalId, { view: 'type', key: t.key })} onClick={onLinkClick}>
                      <Settings2 aria-hidden="true" />
                      {canWrite ? 'Edit' : 'View'}
                      <span className="visually-hidden"> type {t.label.singular}</span>
                    </a>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function FieldSummary({ type }: { type: EntityType }) {
  const labels = type.fields.map((f) => f.label).join(', ');
  return (
    <div className="dt-fields-sum">
      <span className="dt-fields-sum__count">
        {type.fields.length} field{type.fields.length === 1 ? '' : 's'}
      </span>
      <span className="dt-fields-sum__list" title={type.fields.map((f) => `${f.label} (${FIELD_TYPE_LABELS[f.type]})`).join('\n')}>
        {labels}
      </span>
    </div>
  );
}

function linkText(link: string | null, type: EntityType): ReactNode {
  if (link === null) return null;
  if (link === SELF_LINK) return <span className="muted">itself</span>;
  return type.fields.find((f) => f.key === link)?.label ?? link;
}

function LinkSummary({ type }: { type: EntityType }) {
  const account = linkText(type.accountLink, type);
  const contact = linkText(type.contactLink, type);
  if (!account && !contact) return <span className="muted">None</span>;
  return (
    <dl className="dt-links">
      {account ? (
        <div>
          <dt>Account</dt>
          <dd>{account}</dd>
        </div>
      ) : null}
      {contact ? (
        <div>
          <dt>Contact</dt>
          <dd>{contact}</dd>
        </div>
      ) : null}
    </dl>
  );
}
