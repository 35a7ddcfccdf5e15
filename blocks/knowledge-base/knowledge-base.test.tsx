// Knowledge base: every request filters on published = true (whatever the props); the list links
// articles and offers topic chips; an article's body is plain text in paragraphs, never HTML.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FieldInfo, ListResult, RecordRow } from '../../core';
import { testContext } from '../_lib/test-context';
import { knowledgeBase, paragraphsOf, PUBLISHED } from '.';

const category: FieldInfo = { key: 'category', label: 'Category', type: 'enum', required: false, editable: false, options: [{ value: 'meter', label: 'Meter & readings' }, { value: 'moving', label: 'Moving home' }] };
const row = (id: string, data: RecordRow['data']): RecordRow => ({ id, title: String(data.title ?? ''), data, updatedAt: '2026-01-01T00:00:00.000Z', revision: 1 });
const list = (items: RecordRow[], fields: FieldInfo[] = [category]): ListResult => ({ kind: 'list', entityType: 'article', label: { singular: 'Article', plural: 'Articles' }, fields, items, nextCursor: null, sort: [], search: '', titles: {} });
const render = (props: Record<string, unknown>, data: unknown, ctx = testContext()) =>
  renderToString(<knowledgeBase.Render id="kb" props={knowledgeBase.props.parse(props)} data={data} slots={{}} ctx={ctx} />);

describe('knowledge base', () => {
  it('always asks for published articles only, in both modes', () => {
    for (const props of [{}, { mode: 'article' }, { showSearch: false, showCategories: false }]) {
      const request = knowledgeBase.data!(knowledgeBase.props.parse(props));
      expect(request).toMatchObject({ kind: 'list', entityType: 'article' });
      expect((request as { filters: unknown[] }).filters).toContainEqual(PUBLISHED);
    }
    expect(knowledgeBase.data!(knowledgeBase.props.parse({ mode: 'article', param: 'slug' }))).toMatchObject({ limit: 1, related: { field: 'id', param: 'slug' } });
    expect(knowledgeBase.requires!(knowledgeBase.props.parse({}))).toEqual([{ entity: 'article', op: 'read' }]);
  });

  it('lists articles with links, summaries, search and topic chips', () => {
    const html = render({}, list([row('a1', { title: 'Reading your meter', summary: 'Where to find the numbers', category: 'meter' })]));
    expect(html).toContain('href="/p/customer/help/a1"');
    expect(html).toContain('Where to find the numbers');
    expect(html).toContain('role="search"');
    expect(html).toContain('aria-pressed="true">All topics');
    expect(html).toContain('>Moving home</button>');
    expect(html).toContain('Meter &amp; readings');
  });

  it('hides search and chips when switched off or when the category is not readable', () => {
    const items = [row('a1', { title: 'T' })];
    expect(render({ showSearch: false, showCategories: false }, list(items))).not.toMatch(/role="search"|All topics/);
    expect(render({}, list(items, []))).not.toContain('All topics');
    expect(render({}, list([]))).toContain('There are no help articles yet');
  });

  it('shows an article as plain-text paragraphs, never as HTML', () => {
    const body = 'First paragraph\nwith a line break.\n\n<script>alert(1)</script>\n\n  \n<img src=x onerror=alert(2)>';
    const html = render({ mode: 'article' }, list([row('a1', { title: 'Moving home', summary: 'Tell us two weeks ahead', body, category: 'moving' })]));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.match(/<p>/g)).toHaveLength(3);
    expect(html).toContain('Tell us two weeks ahead');
    expect(html).toContain('href="/p/customer/help"');
  });

  it('says an article is not available when the server found none (missing or unpublished)', () => {
    expect(render({ mode: 'article' }, list([]))).toContain('This article is not available');
  });

  it('splits paragraphs on blank lines only', () => {
    expect(paragraphsOf('a\nb\r\n\r\nc\n \t\nd\n\n\n')).toEqual(['a\nb', 'c', 'd']);
    expect(paragraphsOf('')).toEqual([]);
  });

  it('shows a sample in the builder', () => {
    expect(render({}, undefined, testContext({ mode: 'builder' }))).toContain('Unpublished articles are never shown');
  });
});
