// Custom domains: the server's host-name rule (core/portal-rules.ts), for inline validation before
// saving.
import { HOST_NAME_PATTERN } from '../../core';

/** What someone typed ("https://Portal.Example.com/") → the host name the server stores. */
export function normalizeDomain(input: string): string {
  return input
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/\.$/, '');
}

/** Why a (normalized) domain would be refused, or null. `taken` lists the portal's domains already. */
export function domainProblem(domain: string, taken: readonly string[] = []): string | null {
  if (domain === '') return 'Enter a host name, like portal.example.com.';
  if (domain.includes(':')) return 'Leave out the port: just the host name, like portal.example.com.';
  if (!HOST_NAME_PATTERN.test(domain)) return 'Not a valid host name (for example portal.example.com).';
  if (taken.includes(domain)) return 'This portal already has that domain.';
  return null;
}
