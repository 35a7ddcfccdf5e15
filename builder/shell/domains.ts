// Custom domains: the host-name rule the server applies (services/portals.ts domainSchema), for
// inline validation before saving.

/** What someone typed ("https://Portal.Example.com/") → the host name the server stores. */
export function normalizeDomain(input: string): string {
  return input
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/\.$/, '');
}

const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Why a (normalized) domain would be refused, or null. `taken` lists the portal's domains already. */
export function domainProblem(domain: string, taken: readonly string[] = []): string | null {
  if (domain === '') return 'Enter a host name, like portal.example.com.';
  if (domain.includes(':')) return 'Leave out the port: just the host name, like portal.example.com.';
  if (!HOST.test(domain)) return 'Not a valid host name (for example portal.example.com).';
  if (taken.includes(domain)) return 'This portal already has that domain.';
  return null;
}
