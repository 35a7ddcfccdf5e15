// The Data section's own paths below /admin/portals/:id/data: the types, one type's editor, a
// type's records (with an open record), and the integration API keys. The workspace passes the
// path segments after "data" (`rest`); these turn them into a view and back.
import { hrefs } from '../router';

export type DataRoute =
  | { view: 'types' }
  | { view: 'new-type' }
  | { view: 'type'; key: string }
  | { view: 'records'; type: string; record: string | null }
  | { view: 'api-keys' }
  | { view: 'not-found' };

/** `new` is a valid type key, so creating a type has its own segment rather than `types/new`. */
export function parseDataRoute(rest: readonly string[]): DataRoute {
  const [a, b, c, ...more] = rest;
  if (a === undefined) return { view: 'types' };
  if (a === 'types' && b === undefined) return { view: 'types' };
  if (a === 'new-type' && b === undefined) return { view: 'new-type' };
  if (a === 'types' && b && c === undefined) return { view: 'type', key: b };
  // Record ids are `r_…`, so `new` cannot be one.
  if (a === 'records' && b && more.length === 0) return { view: 'records', type: b, record: c ?? null };
  if (a === 'api-keys' && b === undefined) return { view: 'api-keys' };
  return { view: 'not-found' };
}

export function dataHref(portalId: string, route: Exclude<DataRoute, { view: 'not-found' }>): string {
  switch (route.view) {
    case 'types':
      return hrefs.section(portalId, 'data');
    case 'new-type':
      return hrefs.section(portalId, 'data', 'new-type');
    case 'type':
      return hrefs.section(portalId, 'data', 'types', route.key);
    case 'records':
      return route.record ? hrefs.section(portalId, 'data', 'records', route.type, route.record) : hrefs.section(portalId, 'data', 'records', route.type);
    case 'api-keys':
      return hrefs.section(portalId, 'data', 'api-keys');
  }
}
