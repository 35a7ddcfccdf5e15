import { describe, expect, it } from 'vitest';
import type { Page } from './schema/document';
import { matchPage, normalizePath, pickText } from './routing';

const page = (id: string, path: string): Page => ({ id, path, title: { en: id }, inNav: false, blocks: [] });
const pages = [page('home', '/'), page('list', '/contracts'), page('detail', '/contracts/:id'), page('new', '/contracts/new'), page('deep', '/a/:x/b/:y')];

describe('matchPage', () => {
  it.each([
    ['/', 'home', {}],
    ['/contracts', 'list', {}],
    ['/contracts/42', 'detail', { id: '42' }],
    ['/contracts/new', 'new', {}],
    ['/a/1/b/2', 'deep', { x: '1', y: '2' }],
  ])('%s → %s', (path, id, params) => {
    const m = matchPage(pages, path);
    expect(m?.page.id).toBe(id);
    expect(m?.params).toEqual(params);
  });
  it.each(['/nope', '/contracts/42/extra', '/a/1/c/2'])('%s → no page', (path) => {
    expect(matchPage(pages, path)).toBeNull();
  });
});

describe('normalizePath', () => {
  it.each([
    ['/', '/'],
    ['', '/'],
    ['/help/', '/help'],
    ['//help//faq', '/help/faq'],
    ['/caf%C3%A9', '/café'],
  ])('%s → %s', (raw, want) => expect(normalizePath(raw)).toBe(want));
  it('refuses malformed encodings and NUL bytes', () => {
    expect(normalizePath('/%E0%A4%A')).toBeNull();
    expect(normalizePath('/a%00b')).toBeNull();
  });
});

describe('pickText', () => {
  it('picks the locale, then its language, then the first entry', () => {
    expect(pickText({ en: 'Home', de: 'Start' }, 'de')).toBe('Start');
    expect(pickText({ en: 'Home', de: 'Start' }, 'de-AT')).toBe('Start');
    expect(pickText({ fr: 'Accueil' }, 'de')).toBe('Accueil');
    expect(pickText('plain', 'de')).toBe('plain');
    expect(pickText(undefined, 'de')).toBe('');
  });
});
