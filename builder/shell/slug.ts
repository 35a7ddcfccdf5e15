// Portal slugs: a suggestion from the name, and the same rules the server applies (services/portals.ts),
// so the "New portal" form can say what is wrong before a round trip.

/** Slugs the server refuses because Portico's own routes use them. Mirrors RESERVED_SLUGS on the server. */
const RESERVED = new Set(['admin', 'api', 'p', 'portal', 'healthz', 'uploads', 'assets', 'static', 'www']);

/** "Acme Énergie — Partners" → "acme-energie-partners" (at most 40 characters, no edge hyphens). */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** Why a slug would be refused, or null when it is fine. */
export function slugProblem(slug: string): string | null {
  if (slug.length < 2) return 'A slug has at least 2 characters.';
  if (slug.length > 40) return 'A slug has at most 40 characters.';
  if (!/^[a-z0-9][a-z0-9-]*[a-z0-9]$/.test(slug)) return 'Use lower-case letters, digits and hyphens (not at the start or end).';
  if (RESERVED.has(slug)) return `"${slug}" is reserved by Portico.`;
  return null;
}
