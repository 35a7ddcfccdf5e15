import { describe, expect, it } from 'vitest';
import { sampleDoc } from '../test-fixtures';
import { addPage, removePage, setNavigation, updatePage, updateTheme } from './pages';

const page = (id: string, path: string, inNav = true) => ({ id, path, title: { en: id }, inNav, blocks: [] });

describe('page reducers', () => {
  it('addPage appends a page and adds it to the navigation when shown there', () => {
    const next = addPage(sampleDoc(), { type: 'addPage', page: page('new', '/new') });
    expect(next.pages.map((p) => p.id)).toEqual(['home', 'help', 'item', 'new']);
    expect(next.navigation).toEqual(['home', 'help', 'new']);
    expect(addPage(sampleDoc(), { type: 'addPage', page: page('new', '/new', false) }).navigation).toEqual(['home', 'help']);
  });

  it('addPage refuses a taken id or path', () => {
    expect(() => addPage(sampleDoc(), { type: 'addPage', page: page('help', '/x') })).toThrow(/exists/);
    expect(() => addPage(sampleDoc(), { type: 'addPage', page: page('x', '/help') })).toThrow(/taken/);
  });

  it('updatePage renames, moves paths, and keeps navigation in step with inNav', () => {
    const doc = sampleDoc();
    const renamed = updatePage(doc, { type: 'updatePage', pageId: 'help', patch: { title: { en: 'Support' }, path: '/support' } });
    expect(renamed.pages[1]).toMatchObject({ title: { en: 'Support' }, path: '/support' });
    expect(updatePage(doc, { type: 'updatePage', pageId: 'help', patch: { inNav: false } }).navigation).toEqual(['home']);
    expect(() => updatePage(doc, { type: 'updatePage', pageId: 'help', patch: { path: '/' } })).toThrow(/taken/);
    expect(() => updatePage(doc, { type: 'updatePage', pageId: 'home', patch: { path: '/start' } })).toThrow(/home page/);
  });

  it('removePage removes it and its navigation entry, but never the home page', () => {
    const next = removePage(sampleDoc(), { type: 'removePage', pageId: 'help' });
    expect(next.pages.map((p) => p.id)).toEqual(['home', 'item']);
    expect(next.navigation).toEqual(['home']);
    expect(() => removePage(sampleDoc(), { type: 'removePage', pageId: 'home' })).toThrow(/home page/);
  });

  it('setNavigation reorders and syncs inNav; refuses unknown or repeated pages', () => {
    const next = setNavigation(sampleDoc(), { type: 'setNavigation', navigation: ['help', 'home'] });
    expect(next.navigation).toEqual(['help', 'home']);
    const hidden = setNavigation(sampleDoc(), { type: 'setNavigation', navigation: ['home'] });
    expect(hidden.pages.find((p) => p.id === 'help')!.inNav).toBe(false);
    expect(() => setNavigation(sampleDoc(), { type: 'setNavigation', navigation: ['home', 'nope'] })).toThrow(/no page/);
    expect(() => setNavigation(sampleDoc(), { type: 'setNavigation', navigation: ['home', 'home'] })).toThrow(/twice/);
  });

  it('updateTheme merges', () => {
    const next = updateTheme(sampleDoc(), { type: 'updateTheme', patch: { radius: 12 } });
    expect(next.theme.radius).toBe(12);
    expect(next.theme.colors).toBe(sampleDoc().theme.colors === next.theme.colors ? next.theme.colors : next.theme.colors);
  });
});
