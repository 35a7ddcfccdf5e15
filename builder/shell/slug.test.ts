// Slugs: suggestions from names, and the server's rules.
import { describe, expect, it } from 'vitest';
import { slugProblem, suggestSlug } from './slug';

describe('suggestSlug', () => {
  it('lower-cases, strips accents and joins words with hyphens', () => {
    expect(suggestSlug('Acme Énergie — Partners')).toBe('acme-energie-partners');
    expect(suggestSlug('  Customer Portal 2  ')).toBe('customer-portal-2');
    expect(suggestSlug('***')).toBe('');
  });

  it('keeps within 40 characters without a trailing hyphen', () => {
    const s = suggestSlug(`${'a'.repeat(39)} b`);
    expect(s.length).toBeLessThanOrEqual(40);
    expect(s.endsWith('-')).toBe(false);
  });

  it('suggests valid slugs for ordinary names', () => {
    for (const name of ['Customer Portal', 'Partner Hub', 'Über Support 24/7']) expect(slugProblem(suggestSlug(name))).toBeNull();
  });
});

describe('slugProblem', () => {
  it('accepts lower-case letters, digits and inner hyphens', () => {
    for (const ok of ['ab', 'customer', 'partner-2', 'a1-b2-c3']) expect(slugProblem(ok)).toBeNull();
  });

  it('refuses short, long, badly formed and reserved slugs', () => {
    expect(slugProblem('a')).toMatch(/at least 2/);
    expect(slugProblem('a'.repeat(41))).toMatch(/at most 40/);
    for (const bad of ['-ab', 'ab-', 'Ab', 'a b', 'a_b', 'ä-b']) expect(slugProblem(bad)).toMatch(/lower-case/);
    for (const reserved of ['admin', 'portal', 'api', 'www']) expect(slugProblem(reserved)).toMatch(/reserved/);
  });
});
