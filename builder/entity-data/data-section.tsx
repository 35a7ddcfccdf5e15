// The Data section of a portal's workspace: entity types, their records, and the integration API
// keys. Records belong to the organisation, not to the portal: every portal shows the same data,
// each user within their role's access. Loaded on demand (React.lazy in the workspace), so the page
// editor does not pay for it.
import { Boxes, Building2, KeyRound } from 'lucide-react';
import { useMemo } from 'react';
import type { Me } from '../app';
import { hrefs, onLinkClick } from '../router';
import { ApiKeys } from './api-keys';
import { canChangeData, DataContext, useDataContext, useTypes, type TypesQuery, type TypeSummary } from './data-queries';
import { dataHref, parseDataRoute, type DataRoute } from './data-route';
import { RecordsView } from './records-view';
import { TypeEditorPage } from './type-editor';
import { TypesList } from './types-list';
import './data.css';

export default function DataSection({ me, portalId, rest }: { me: Me; portalId: string; rest: string[] }) {
  const types = useTypes();
  const route = parseDataRoute(rest);
  const context = useMemo(() => ({ portalId, canWrite: canChangeData(me) }), [portalId, me]);
  return (
    <DataContext.Provider value={context}>
      <div className="dt-layout">
        <DataNav portalId={portalId} route={route} types={types.data} />
        <div className="dt-main">
          <DataView route={route} types={types} />
        </div>
      </div>
    </DataContext.Provider>
  );
}

function DataView({ route, types }: { route: DataRoute; types: TypesQuery }) {
  switch (route.view) {
    case 'types':
      return <TypesList types={types} />;
    case 'new-type':
      return <TypeEditorPage typeKey={null} types={types} />;
    case 'type':
      return <TypeEditorPage typeKey={route.key} types={types} />;
    case 'records':
      return <RecordsView key={route.type} typeKey={route.type} record={route.record} types={types} />;
    case 'api-keys':
      return <ApiKeys />;
    case 'not-found':
      return <NotFound />;
  }
}

function NotFound() {
  const { portalId } = useDataContext();
  return (
    <div className="content">
      <div className="card empty-state" role="alert">
        <h1 className="sh-error-title">There is nothing at this address</h1>
        <p>The Data section has types, records and API keys.</p>
        <a className="btn" href={dataHref(portalId, { view: 'types' })} onClick={onLinkClick}>
          Back to the types
        </a>
      </div>
    </div>
  );
}

function DataNav({ portalId, route, types }: { portalId: string; route: DataRoute; types: TypeSummary[] | undefined }) {
  const current = (v: boolean) => (v ? ('page' as const) : undefined);
  const onTypes = route.view === 'types' || route.view === 'type' || route.view === 'new-type';
  return (
    <nav className="dt-nav" aria-label="Data">
      <div className="dt-nav__head">
        <div className="dt-nav__title">Data</div>
        <p className="dt-shared" title="Types and records belong to the organisation. Every portal reads the same records; each portal user sees only what their roles grant.">
          <Building2 aria-hidden="true" />
          Shared by all portals
        </p>
      </div>
      <ul className="dt-nav__list">
        <li>
          <a className="dt-nav__link" href={dataHref(portalId, { view: 'types' })} onClick={onLinkClick} aria-current={current(onTypes)}>
            <Boxes aria-hidden="true" />
            Entity types
          </a>
        </li>
      </ul>
      <h2 className="dt-nav__heading" id="dt-nav-records">
        Records
      </h2>
      <ul className="dt-nav__list" aria-labelledby="dt-nav-records">
        {types === undefined ? (
          <li className="dt-nav__loading" aria-hidden="true">
            <span />
            <span />
          </li>
        ) : (
          types.map((t) => (
            <li key={t.key}>
              <a
                className="dt-nav__link"
                href={dataHref(portalId, { view: 'records', type: t.key, record: null })}
                onClick={onLinkClick}
                aria-current={current(route.view === 'records' && route.type === t.key)}
              >
                <span className="dt-nav__mark" aria-hidden="true">
                  {t.label.plural.slice(0, 1).toUpperCase()}
                </span>
                <span className="dt-nav__label">{t.label.plural}</span>
                <span className="dt-nav__count" aria-label={`${t.recordCount} records`}>
                  {t.recordCount.toLocaleString()}
                </span>
              </a>
            </li>
          ))
        )}
      </ul>
      <h2 className="dt-nav__heading" id="dt-nav-integration">
        Integration
      </h2>
      <ul className="dt-nav__list" aria-labelledby="dt-nav-integration">
        <li>
          <a className="dt-nav__link" href={dataHref(portalId, { view: 'api-keys' })} onClick={onLinkClick} aria-current={current(route.view === 'api-keys')}>
            <KeyRound aria-hidden="true" />
            API keys
          </a>
        </li>
      </ul>
      <p className="dt-nav__foot">
        Blocks show these records on{' '}
        <a href={hrefs.section(portalId, 'pages')} onClick={onLinkClick}>
          the portal’s pages
        </a>
        .
      </p>
    </nav>
  );
}
