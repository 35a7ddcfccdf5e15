// Migration 0 → 1 on realistic legacy documents; the results must pass the current document schema.
import { describe, expect, it } from 'vitest';
import { defaultTheme, portalDocumentSchema } from '../schema/document';
import { deepFreeze } from '../tree/test-helpers';
import { localizedTitles } from './0001-localized-titles';
import { migrateDocument } from './migrate-document';

/** A document as stored before schema versioning: no schemaVersion, string titles, no navigation or texts. */
const legacy = () =>
  deepFreeze({
    pages: [
      {
        id: 'home',
        path: '/',
        title: 'Welcome',
        inNav: true,
        blocks: [
          {
            id: 'b_hero',
            type: 'section',
            props: { background: 'primary' },
            slots: { body: [{ id: 'b_title', type: 'heading', props: { text: 'Your energy account', level: 'h1' } }] },
          },
        ],
      },
      { id: 'invoices', path: '/invoices', title: 'Invoices', icon: 'receipt', inNav: true, blocks: [] },
      {
        id: 'contract',
        path: '/contracts/:id',
        title: 'Contract',
        inNav: false,
        visibility: { audience: 'signed-in' },
        blocks: [{ id: 'b_contract_h', type: 'heading', props: { text: 'Contract details' } }],
      },
      { id: 'help', path: '/help', title: 'Help & FAQ', inNav: true, blocks: [] },
    ],
    theme: defaultTheme,
  });

const migrated = {
  schemaVersion: 1,
  pages: [
    {
      id: 'home',
      path: '/',
      title: { en: 'Welcome' },
      inNav: true,
      blocks: legacy().pages[0]?.blocks,
    },
    { id: 'invoices', path: '/invoices', title: { en: 'Invoices' }, icon: 'receipt', inNav: true, blocks: [] },
    {
      id: 'contract',
      path: '/contracts/:id',
      title: { en: 'Contract' },
      inNav: false,
      visibility: { audience: 'signed-in' },
      blocks: [{ id: 'b_contract_h', type: 'heading', props: { text: 'Contract details' } }],
    },
    { id: 'help', path: '/help', title: { en: 'Help & FAQ' }, inNav: true, blocks: [] },
  ],
  navigation: ['home', 'invoices', 'help'],
  theme: defaultTheme,
  texts: {},
};

describe('migration 0001: localized titles', () => {
  it('turns a legacy document into a valid version-1 document', () => {
    const { document, fromVersion, applied } = migrateDocument(legacy());
    expect(fromVersion).toBe(0);
    expect(applied).toEqual([1]);
    expect(document).toEqual(migrated);
    expect(portalDocumentSchema.safeParse(document).success).toBe(true);
  });

  it('shows why it is needed: the legacy document fails the current schema', () => {
    expect(portalDocumentSchema.safeParse({ ...legacy(), schemaVersion: 1 }).success).toBe(false);
  });

  it('keeps navigation, texts and already-localized titles that are present', () => {
    const input = deepFreeze({
      schemaVersion: 0,
      pages: [
        { id: 'home', path: '/', title: { en: 'Home', de: 'Start' }, inNav: true, blocks: [] },
        { id: 'offers', path: '/offers', title: 'Offers', inNav: true, blocks: [] },
      ],
      navigation: ['offers'],
      theme: defaultTheme,
      texts: { 'footer.legal': { en: '© Stadtwerke' } },
    });
    const { document } = migrateDocument(input);
    expect(document).toEqual({
      ...input,
      schemaVersion: 1,
      pages: [input.pages[0], { ...input.pages[1], title: { en: 'Offers' } }],
    });
    expect(portalDocumentSchema.safeParse(document).success).toBe(true);
  });

  it('derives an empty navigation when no page is in the nav', () => {
    const out = localizedTitles.up({ pages: [{ id: 'home', path: '/', title: 'Home', inNav: false, blocks: [] }], theme: defaultTheme });
    expect(out.navigation).toEqual([]);
  });

  it('leaves malformed parts alone for validation to report, without throwing', () => {
    expect(localizedTitles.up({ pages: 'nope' })).toEqual({ pages: 'nope', navigation: [], texts: {} });
    expect(localizedTitles.up({ pages: [null, { title: 3 }] })).toEqual({ pages: [null, { title: 3 }], navigation: [], texts: {} });
  });

  it('does not mutate its input', () => {
    const input = legacy();
    const before = JSON.stringify(input);
    localizedTitles.up(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});
