// The builder's paths: sections from the top bar, and sub-sections (the Outbox, in the Users area)
// that have an address of their own but no top-bar entry.
import { describe, expect, it } from 'vitest';
import { hrefs, parseRoute, topSectionOf } from './router';

describe('parseRoute', () => {
  it('reads sections and what follows them', () => {
    expect(parseRoute('/admin/portals/p1')).toEqual({ name: 'workspace', portalId: 'p1', section: 'pages', rest: [] });
    expect(parseRoute('/admin/portals/p1/versions/3')).toEqual({ name: 'workspace', portalId: 'p1', section: 'versions', rest: ['3'] });
  });

  it('reads the Outbox and an email in it, which belong to Users in the top bar', () => {
    expect(parseRoute('/admin/portals/p1/outbox')).toEqual({ name: 'workspace', portalId: 'p1', section: 'outbox', rest: [] });
    expect(parseRoute(hrefs.section('p1', 'outbox', 'mail_1'))).toEqual({ name: 'workspace', portalId: 'p1', section: 'outbox', rest: ['mail_1'] });
    expect(topSectionOf('outbox')).toBe('users');
    expect(topSectionOf('data')).toBe('data');
  });

  it('knows no other sections, inherited names included', () => {
    expect(parseRoute('/admin/portals/p1/nope')).toEqual({ name: 'not-found' });
    expect(parseRoute('/admin/portals/p1/constructor')).toEqual({ name: 'not-found' });
    expect(parseRoute('/admin/portals/p1/toString')).toEqual({ name: 'not-found' });
  });
});
