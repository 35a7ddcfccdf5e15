// Portal slugs: a suggestion from the name, and the server's rules (core/portal-rules.ts) in words,
// so the "New portal" form can say what is wrong before a round trip.
import { RESERVED_SLUGS, SLUG_MAX, SLUG_MIN, SLUG_PATTERN } from '../../core';

/** "Acme Énergie — Partners" → "acme-energie-partners" (at most 40 characters, no edge hyphens). */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
}

/** Why a slug would be refused, or null when it is fine. */
export function slugProblem(slug: string): string | null {
  if (slug.length < SLUG_MIN) return `A slug has at least ${SLUG_MIN} characters.`;
  if (slug.length > SLUG_MAX) return `A slug has at most ${SLUG_MAX} characters.`;
  if (!SLUG_PATTERN.test(slug)) return 'Use lower-case letters, digits and hyphens (not at the start or end).';
  if (RESERVED_SLUGS.has(slug)) return `"${slug}" is reserved by Portico.`;
  return null;
}
