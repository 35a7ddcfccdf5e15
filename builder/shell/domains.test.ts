// Domains: normalizing what people paste, and the server's host-name rule.
import { describe, expect, it } from 'vitest';
import { domainProblem, normalizeDomain } from './domains';

describe('normalizeDomain', () => {
  it('strips scheme, path, trailing dot and case', () => {
    expect(normalizeDomain(' https://Portal.Example.com/login?x=1 ')).toBe('portal.example.com');
    expect(normalizeDomain('help.acme.io.')).toBe('help.acme.io');
  });
});

describe('domainProblem', () => {
  it('accepts host names', () => {
    for (const ok of ['portal.example.com', 'a.io', 'my-portal.acme.co.uk', 'xn--bcher-kva.example']) expect(domainProblem(ok)).toBeNull();
  });

  it('refuses empty, ports, bare names, bad labels and duplicates', () => {
    expect(domainProblem('')).toMatch(/Enter/);
    expect(domainProblem('portal.example.com:8080')).toMatch(/port/);
    for (const bad of ['localhost', 'portal', '-a.example.com', 'a-.example.com', 'a..b.com', 'under_score.com', '1.2.3.4', `${'a'.repeat(64)}.com`]) {
      expect(domainProblem(bad)).toMatch(/valid host name/);
    }
    expect(domainProblem('a.io', ['a.io'])).toMatch(/already/);
  });
});
