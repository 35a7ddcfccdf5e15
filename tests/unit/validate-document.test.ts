// validateDocument: shape, registry checks (types, props, slots), document-wide rules, prop defaults.
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../blocks';
import { defaultTheme, formatIssues, type BlockNode, type DocumentIssue } from '../../core';

type Doc = {
  schemaVersion: number;
  pages: { id: string; path: string; title: Record<string, string>; inNav: boolean; blocks: BlockNode[] }[];
  navigation: string[];
  theme: typeof defaultTheme;
  texts: Record<string, Record<string, string>>;
};

const page = (id: string, path: string, blocks: BlockNode[] = []): Doc['pages'][number] => ({
  id,
  path,
  title: { en: id },
  inNav: true,
  blocks,
});

const doc = (pages: Doc['pages'] = [page('home', '/')], navigation = pages.map((p) => p.id)): Doc => ({
  schemaVersion: 1,
  pages,
  navigation,
  theme: defaultTheme,
  texts: {},
});

const issuesOf = (input: unknown): DocumentIssue[] => {
  const result = validateDocument(input);
  if (result.ok) throw new Error('expected the document to be rejected');
  return result.issues;
};

describe('validateDocument', () => {
  it('accepts a valid document and fills in prop defaults, also in slots', () => {
    const input = doc([
      page('home', '/', [
        { id: 'hero', type: 'section', props: { background: 'primary' }, slots: { body: [{ id: 'title', type: 'heading', props: { text: 'Hello' } }] } },
      ]),
      page('contract', '/contracts/:id'),
    ]);
    const result = validateDocument(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [hero] = result.document.pages[0]?.blocks ?? [];
    expect(hero?.props).toEqual({ background: 'primary', padding: 'medium', width: 'normal' });
    expect(hero?.slots?.body?.[0]?.props).toEqual({ text: 'Hello', level: 'h2', align: 'left', eyebrow: '' });
    expect(result.document.pages[1]).toEqual(input.pages[1]);
    expect(result.document.navigation).toEqual(['home', 'contract']);
  });

  it('keeps block visibility', () => {
    const result = validateDocument(
      doc([page('home', '/', [{ id: 'h', type: 'heading', props: {}, visibility: { audience: 'signed-in', roles: ['owner'] } }])]),
    );
    expect(result.ok && result.document.pages[0]?.blocks[0]?.visibility).toEqual({ audience: 'signed-in', roles: ['owner'] });
  });

  it('reports an unknown block type with its block id and field "type"', () => {
    const issues = issuesOf(doc([page('home', '/', [{ id: 'b1', type: 'carousel', props: {} }])]));
    expect(issues).toEqual([
      { path: ['pages', 0, 'blocks', 0, 'type'], blockId: 'b1', field: 'type', message: 'unknown block type "carousel"' },
    ]);
  });

  it('reports an invalid prop with its block id and the prop name as field', () => {
    const issues = issuesOf(
      doc([page('home', '/', [{ id: 's', type: 'section', props: {}, slots: { body: [{ id: 'h', type: 'heading', props: { level: 'h7' } }] } }])]),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ blockId: 'h', field: 'level', path: ['pages', 0, 'blocks', 0, 'slots', 'body', 0, 'props', 'level'] });
    expect(formatIssues(issues)).toMatch(/^block "h", field "level": /);
  });

  it('reports a prop failing its own rule with the schema message', () => {
    const issues = issuesOf(doc([page('home', '/', [{ id: 'h', type: 'heading', props: { text: '' } }])]));
    expect(issues).toEqual([expect.objectContaining({ blockId: 'h', field: 'text', message: 'a heading needs text' })]);
  });

  it('names an unknown prop as the field', () => {
    const issues = issuesOf(doc([page('home', '/', [{ id: 'h', type: 'heading', props: { text: 'x', colour: 'red' } }])]));
    expect(issues).toEqual([expect.objectContaining({ blockId: 'h', field: 'colour', path: ['pages', 0, 'blocks', 0, 'props'] })]);
    expect(formatIssues(issues)).toMatch(/^block "h", field "colour": /);
  });

  it('reports a slot the block does not have', () => {
    const issues = issuesOf(
      doc([
        page('home', '/', [
          { id: 's', type: 'section', props: {}, slots: { aside: [] } },
          { id: 'h', type: 'heading', props: {}, slots: { body: [] } },
        ]),
      ]),
    );
    expect(issues).toEqual([
      { path: ['pages', 0, 'blocks', 0, 'slots', 'aside'], blockId: 's', field: 'slots.aside', message: 'no slot "aside" (slots: body)' },
      { path: ['pages', 0, 'blocks', 1, 'slots', 'body'], blockId: 'h', field: 'slots.body', message: '"heading" has no slots' },
    ]);
  });

  it('reports a block id used twice, also across pages', () => {
    const issues = issuesOf(
      doc([page('home', '/', [{ id: 'dup', type: 'heading', props: {} }]), page('help', '/help', [{ id: 'dup', type: 'heading', props: {} }])]),
    );
    expect(issues).toEqual([{ path: ['pages', 1, 'blocks', 0, 'id'], blockId: 'dup', field: 'id', message: 'duplicate block id' }]);
  });

  it('reports a page id used twice', () => {
    const issues = issuesOf(doc([page('home', '/'), page('home', '/help')], ['home']));
    expect(issues).toEqual([{ path: ['pages', 1, 'id'], field: 'id', message: 'duplicate page id "home"' }]);
  });

  it('reports paths that only differ in parameter names, or not at all', () => {
    const issues = issuesOf(doc([page('home', '/'), page('a', '/contracts/:id'), page('b', '/contracts/:ref'), page('c', '/help'), page('d', '/help')]));
    expect(issues).toEqual([
      { path: ['pages', 2, 'path'], field: 'path', message: 'path "/contracts/:ref" clashes with page "a"' },
      { path: ['pages', 4, 'path'], field: 'path', message: 'path "/help" clashes with page "c"' },
    ]);
  });

  it('refuses paths the portal keeps for its account pages and secure links', () => {
    const issues = issuesOf(doc([page('home', '/'), page('a', '/login'), page('b', '/invite/:token'), page('c', '/s/x'), page('e', '/logins')]));
    expect(issues).toEqual([
      { path: ['pages', 1, 'path'], field: 'path', message: '"/login" is reserved for the portal\'s own account pages' },
      { path: ['pages', 2, 'path'], field: 'path', message: '"/invite" is reserved for the portal\'s own account pages' },
      { path: ['pages', 3, 'path'], field: 'path', message: '"/s" is reserved for the portal\'s own secure links' },
    ]);
  });

  it('lets a static segment and a parameter sit side by side', () => {
    expect(validateDocument(doc([page('home', '/'), page('a', '/contracts/:id'), page('b', '/contracts/new')])).ok).toBe(true);
  });

  it('reports navigation naming an unknown page, or a page twice', () => {
    const issues = issuesOf(doc([page('home', '/')], ['home', 'ghost', 'home']));
    expect(issues).toEqual([
      { path: ['navigation', 1], message: 'navigation names unknown page "ghost"' },
      { path: ['navigation', 2], message: 'navigation names page "home" twice' },
    ]);
  });

  it('requires a home page', () => {
    expect(issuesOf(doc([page('help', '/help')]))).toEqual([{ path: ['pages'], message: 'a portal needs a home page with path "/"' }]);
  });

  it('rejects an unknown top-level key (strict)', () => {
    const issues = issuesOf({ ...doc(), extra: true });
    expect(issues).toEqual([expect.objectContaining({ path: [], field: 'extra', message: expect.stringMatching(/extra/) })]);
  });

  it('rejects a malformed document before looking at blocks', () => {
    const issues = issuesOf({ ...doc(), schemaVersion: 0 });
    expect(issues[0]?.path).toEqual(['schemaVersion']);
    expect(issuesOf(null)).not.toHaveLength(0);
  });

  it('limits nesting depth', () => {
    let node: BlockNode = { id: 'leaf', type: 'heading', props: {} };
    for (let i = 0; i < 12; i++) node = { id: `s${i}`, type: 'section', props: {}, slots: { body: [node] } };
    const issues = issuesOf(doc([page('home', '/', [node])]));
    expect(issues).toEqual([expect.objectContaining({ blockId: 'leaf', message: 'blocks nest at most 12 levels deep' })]);
  });

  it('limits the number of blocks in a document', () => {
    const blocks = Array.from({ length: 5001 }, (_, i): BlockNode => ({ id: `h${i}`, type: 'heading', props: {} }));
    expect(issuesOf(doc([page('home', '/', blocks)]))).toEqual([{ path: ['pages'], message: 'a document holds at most 5000 blocks' }]);
  });
});
