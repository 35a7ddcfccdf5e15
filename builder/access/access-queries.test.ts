import { describe, expect, it } from 'vitest';
import { initialsOf, invitationState, parseRolesRoute, rolesHref, samplePath } from './access-queries';

describe('roles section paths', () => {
  it('reads the matrix and the preview targets from the path', () => {
    expect(parseRolesRoute([])).toEqual({ view: 'matrix' });
    expect(parseRolesRoute(['preview'])).toEqual({ view: 'preview', target: { kind: 'none' } });
    expect(parseRolesRoute(['preview', 'role', 'r1'])).toEqual({ view: 'preview', target: { kind: 'role', id: 'r1' } });
    expect(parseRolesRoute(['preview', 'user', 'u1'])).toEqual({ view: 'preview', target: { kind: 'user', id: 'u1' } });
    expect(parseRolesRoute(['preview', 'visitor'])).toEqual({ view: 'preview', target: { kind: 'visitor' } });
    expect(parseRolesRoute(['preview', 'role'])).toEqual({ view: 'not-found' });
    expect(parseRolesRoute(['elsewhere'])).toEqual({ view: 'not-found' });
  });

  it('writes paths that read back as the same route', () => {
    for (const rest of [[], ['preview'], ['preview', 'role', 'r 1'], ['preview', 'visitor']]) {
      const route = parseRolesRoute(rest);
      if (route.view === 'not-found') throw new Error('unexpected');
      const href = rolesHref('p1', route);
      const parts = href.split('/').slice(5).map(decodeURIComponent);
      expect(parseRolesRoute(parts)).toEqual(route);
    }
  });
});

describe('users in words', () => {
  it('tells an invitation not sent, pending and expired apart', () => {
    expect(invitationState({ status: 'active', invitation: null })).toBeNull();
    expect(invitationState({ status: 'invited', invitation: null })).toBe('not-sent');
    expect(invitationState({ status: 'invited', invitation: { sentAt: '', expiresAt: '', pending: true } })).toBe('pending');
    expect(invitationState({ status: 'invited', invitation: { sentAt: '', expiresAt: '', pending: false } })).toBe('expired');
  });

  it('makes initials from the name, else the email', () => {
    expect(initialsOf('Anna Maria Berger', 'a@x')).toBe('AB');
    expect(initialsOf('anna', 'a@x')).toBe('A');
    expect(initialsOf('  ', 'zed@x')).toBe('Z');
  });

  it('previews pages with parameters at a sample address', () => {
    expect(samplePath('/contracts/:id')).toBe('/contracts/example');
    expect(samplePath('/')).toBe('/');
  });
});
