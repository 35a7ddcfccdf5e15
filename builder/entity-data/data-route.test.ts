import { describe, expect, it } from 'vitest';
import { parseRoute } from '../router';
import { dataHref, parseDataRoute } from './data-route';

describe('parseDataRoute', () => {
  it('reads every view of the Data section', () => {
    expect(parseDataRoute([])).toEqual({ view: 'types' });
    expect(parseDataRoute(['types'])).toEqual({ view: 'types' });
    expect(parseDataRoute(['new-type'])).toEqual({ view: 'new-type' });
    expect(parseDataRoute(['types', 'contract'])).toEqual({ view: 'type', key: 'contract' });
    expect(parseDataRoute(['types', 'new'])).toEqual({ view: 'type', key: 'new' });
    expect(parseDataRoute(['records', 'contract'])).toEqual({ view: 'records', type: 'contract', record: null });
    expect(parseDataRoute(['records', 'contract', 'r_abc'])).toEqual({ view: 'records', type: 'contract', record: 'r_abc' });
    expect(parseDataRoute(['api-keys'])).toEqual({ view: 'api-keys' });
  });

  it('says not-found for anything else', () => {
    expect(parseDataRoute(['nope'])).toEqual({ view: 'not-found' });
    expect(parseDataRoute(['records'])).toEqual({ view: 'not-found' });
    expect(parseDataRoute(['records', 'a', 'b', 'c'])).toEqual({ view: 'not-found' });
    expect(parseDataRoute(['api-keys', 'x'])).toEqual({ view: 'not-found' });
  });

  it('round-trips through the workspace route', () => {
    const views = [
      { view: 'types' },
      { view: 'new-type' },
      { view: 'type', key: 'contract' },
      { view: 'records', type: 'contract', record: null },
      { view: 'records', type: 'contract', record: 'new' },
      { view: 'api-keys' },
    ] as const;
    for (const v of views) {
      const route = parseRoute(dataHref('p_1', v));
      expect(route).toMatchObject({ name: 'workspace', portalId: 'p_1', section: 'data' });
      expect(parseDataRoute(route.name === 'workspace' ? route.rest : [])).toEqual(v);
    }
  });
});
