// The publish dialog's phrases: counts by block type, one changed block, theme fields, the headline.
import { describe, expect, it } from 'vitest';
import { diffDocuments, type DocumentDiff } from '../../core';
import { countByType, describeBlockChange, describeThemeChange, formatTypeCounts, joinWords, summarizeDiff } from './publish-summary';

const label = (t: string) => t[0]!.toUpperCase() + t.slice(1);

describe('countByType / formatTypeCounts', () => {
  it('groups by type, most frequent first', () => {
    const counts = countByType(
      [
        { id: '1', type: 'card' },
        { id: '2', type: 'heading' },
        { id: '3', type: 'heading' },
      ],
      label,
    );
    expect(counts).toEqual([
      { type: 'heading', label: 'Heading', count: 2 },
      { type: 'card', label: 'Card', count: 1 },
    ]);
    expect(formatTypeCounts(counts)).toBe('2 × Heading, Card');
    expect(formatTypeCounts([])).toBe('');
  });
});

describe('describeBlockChange', () => {
  it('names edited props, moves and visibility', () => {
    expect(describeBlockChange({ id: 'a', type: 'hero', props: ['title', 'subtitle'], visibility: false, moved: false }, label)).toBe('Title and Subtitle edited');
    expect(describeBlockChange({ id: 'a', type: 'hero', props: [], visibility: true, moved: true }, label)).toBe('Moved, visibility changed');
    expect(describeBlockChange({ id: 'a', type: 'hero', props: ['text'], visibility: false, moved: true }, label)).toBe('Text edited, moved');
  });
});

describe('describeThemeChange / joinWords', () => {
  it('uses readable names', () => {
    expect(describeThemeChange(['colors.primary', 'radius', 'logo'])).toBe('primary colour, corner radius and logo');
    expect(describeThemeChange(['somethingNew'])).toBe('somethingNew');
    expect(joinWords([])).toBe('');
    expect(joinWords(['a', 'b'])).toBe('a and b');
  });
});

describe('summarizeDiff', () => {
  const empty: DocumentDiff = {
    pages: { added: [], removed: [], changed: [] },
    navigationChanged: false,
    themeChanged: false,
    themeFields: [],
    textsChanged: false,
    counts: { pagesAdded: 0, pagesRemoved: 0, pagesChanged: 0, blocksAdded: 0, blocksRemoved: 0, blocksChanged: 0 },
  };

  it('is empty for no changes', () => {
    expect(summarizeDiff(empty)).toBe('');
  });

  it('lists pages, blocks, page settings, theme and navigation', () => {
    const diff: DocumentDiff = {
      ...empty,
      pages: {
        added: [{ pageId: 'p', title: 'P', path: '/p', blockCount: 0 }],
        removed: [],
        changed: [{ pageId: 'q', title: 'Q', path: '/q', fieldsChanged: ['title'], blocks: { added: [], removed: [], changed: [] } }],
      },
      themeChanged: true,
      navigationChanged: true,
      counts: { pagesAdded: 1, pagesRemoved: 0, pagesChanged: 1, blocksAdded: 2, blocksRemoved: 0, blocksChanged: 1 },
    };
    expect(summarizeDiff(diff)).toBe('1 page added · 3 blocks (2 added, 1 changed) · 1 page setting changed · theme changed · navigation changed');
  });

  it('works on a real diff', () => {
    const doc = {
      schemaVersion: 1 as const,
      pages: [{ id: 'home', path: '/', title: { en: 'Home' }, inNav: true, blocks: [] }],
      navigation: ['home'],
      theme: { colors: { primary: '#000000', primaryText: '#ffffff', background: '#ffffff', surface: '#ffffff', text: '#000000', muted: '#555555', border: '#dddddd', success: '#008000', warning: '#aa6600', danger: '#cc0000' }, fonts: { body: 'serif', heading: 'serif' }, radius: 4, mode: 'light' as const },
      texts: {},
    };
    const after = { ...doc, pages: [{ ...doc.pages[0]!, blocks: [{ id: 'b', type: 'heading', props: {} }] }] };
    expect(summarizeDiff(diffDocuments(doc, after))).toBe('1 block (1 added)');
  });
});
