import { describe, expect, it } from 'vitest';
import { defaultTheme, type PortalDocument } from '../../core';
import {
  describeVisibility,
  hasParams,
  moveInNavigation,
  parsePagesSummary,
  primaryLocale,
  suggestPath,
  summarizePages,
  validatePagePath,
  validatePageTitle,
  validateRoleKey,
  visibilityOf,
  withTitle,
} from './page-model';

const doc: PortalDocument = {
  schemaVersion: 1,
  pages: [
    { id: 'home', path: '/', title: { de: 'Start', en: 'Home' }, inNav: true, blocks: [] },
    { id: 'inv', path: '/invoices', title: { de: 'Rechnungen' }, inNav: true, blocks: [], visibility: { audience: 'signed-in' } },
    { id: 'con', path: '/contracts/:id', title: { de: 'Vertrag' }, inNav: false, blocks: [] },
  ],
  navigation: ['home', 'inv'],
  theme: defaultTheme,
  texts: {},
};

describe('page paths and titles', () => {
  it('validates paths like core does, and refuses taken ones', () => {
    expect(validatePagePath('/meter-readings', doc.pages, null)).toBeNull();
    expect(validatePagePath('/Invoices', doc.pages, null)).toMatch(/lower-case/);
    expect(validatePagePath('/invoices/', doc.pages, null)).toMatch(/no trailing slash/);
    expect(validatePagePath('invoices', doc.pages, null)).toMatch(/paths look like/);
    expect(validatePagePath('/invoices', doc.pages, null, 'de')).toBe('this path is taken by the page "Rechnungen"');
    expect(validatePagePath('/invoices', doc.pages, 'inv')).toBeNull();
  });

  it('treats paths that match the same addresses as taken', () => {
    expect(validatePagePath('/contracts/:key', doc.pages, null, 'de')).toBe('this path is taken by the page "Vertrag"');
    expect(validatePagePath('/contracts/new', doc.pages, null)).toBeNull();
  });

  it('knows pages with parameters', () => {
    expect(hasParams('/contracts/:id')).toBe(true);
    expect(hasParams('/contracts')).toBe(false);
  });

  it('validates titles', () => {
    expect(validatePageTitle('  ')).toBe('a page needs a title');
    expect(validatePageTitle('x'.repeat(121))).toMatch(/at most 120/);
    expect(validatePageTitle('Invoices')).toBeNull();
  });

  it("refuses the portal's account paths and does not suggest them", () => {
    expect(validatePagePath('/login', [], null)).toBe(`"/login" is reserved for the portal's own account pages`);
    expect(validatePagePath('/profile/settings', [], null)).toBe(`"/profile" is reserved for the portal's own account pages`);
    expect(validatePagePath('/logins', [], null)).toBeNull();
    expect(suggestPath('Login', [])).toBe('/login-2');
  });

  it('suggests a free path from a title', () => {
    expect(suggestPath('Meter readings', doc.pages)).toBe('/meter-readings');
    expect(suggestPath('Invoices', doc.pages)).toBe('/invoices-2');
    expect(suggestPath('Über uns!', doc.pages)).toBe('/uber-uns');
    expect(suggestPath('!!!', doc.pages)).toBe('/page');
  });

  it('writes titles in the primary locale, keeping the others', () => {
    expect(primaryLocale(doc)).toBe('de');
    expect(primaryLocale({ pages: [] })).toBe('en');
    expect(withTitle({ de: 'Start', en: 'Home' }, 'de', 'Startseite')).toEqual({ de: 'Startseite', en: 'Home' });
  });
});

describe('visibility', () => {
  it('stores nothing for everyone, and only what is set otherwise', () => {
    expect(visibilityOf('public', [])).toBeUndefined();
    expect(visibilityOf('signed-in', [])).toEqual({ audience: 'signed-in' });
    expect(visibilityOf('public', ['customer'])).toEqual({ roles: ['customer'] });
    expect(visibilityOf('signed-in', ['customer', 'partner'])).toEqual({ audience: 'signed-in', roles: ['customer', 'partner'] });
  });

  it('validates role keys as lower-case slugs, once each', () => {
    expect(validateRoleKey('customer', [])).toBeNull();
    expect(validateRoleKey('Customer', [])).toMatch(/lower-case/);
    expect(validateRoleKey('key account', [])).toMatch(/lower-case/);
    expect(validateRoleKey('', [])).toBe('enter a role key');
    expect(validateRoleKey('customer', ['customer'])).toMatch(/in the list already/);
    expect(validateRoleKey('x', Array.from({ length: 50 }, (_, i) => `r${i}`))).toMatch(/at most 50/);
  });

  it('says who sees a block', () => {
    expect(describeVisibility(undefined)).toBe('Everyone who can open the page');
    expect(describeVisibility(undefined, 'page')).toBe('Everyone, signed in or not');
    expect(describeVisibility({ audience: 'signed-in' })).toBe('Signed-in users only');
    expect(describeVisibility({ roles: ['a', 'b'] })).toBe('Signed-in users with the role "a" or "b"');
  });
});

describe('navigation', () => {
  it('moves a page up and down, and not past the ends', () => {
    const nav = ['a', 'b', 'c'];
    expect(moveInNavigation(nav, 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveInNavigation(nav, 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(moveInNavigation(nav, 'a', -1)).toBe(nav);
    expect(moveInNavigation(nav, 'c', 1)).toBe(nav);
    expect(moveInNavigation(nav, 'x', 1)).toBe(nav);
  });
});

describe('pages summary', () => {
  it('summarizes pages as one string that changes only when the pages do', () => {
    const key = summarizePages(doc);
    const withBlock: PortalDocument = { ...doc, pages: doc.pages.with(0, { ...doc.pages[0]!, blocks: [{ id: 'b', type: 'heading', props: {} }] }) };
    expect(summarizePages(withBlock)).toBe(key);
    const renamed: PortalDocument = { ...doc, pages: doc.pages.with(1, { ...doc.pages[1]!, title: { de: 'Belege' } }) };
    expect(summarizePages(renamed)).not.toBe(key);
    const summary = parsePagesSummary(key);
    expect(summary.locale).toBe('de');
    expect(summary.navigation).toEqual(['home', 'inv']);
    expect(summary.pages[1]).toEqual({ id: 'inv', path: '/invoices', title: 'Rechnungen', icon: '', inNav: true, restricted: true });
    expect(parsePagesSummary('')).toEqual({ locale: 'en', pages: [], navigation: [] });
  });
});
