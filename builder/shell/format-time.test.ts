// Relative times for lists of versions and portals.
import { describe, expect, it } from 'vitest';
import { formatAbsoluteTime, formatRelativeTime } from './format-time';

const now = Date.parse('2026-03-12T12:00:00Z');
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe('formatRelativeTime', () => {
  it('reads naturally from seconds to years', () => {
    expect(formatRelativeTime(ago(10), now)).toBe('just now');
    expect(formatRelativeTime(ago(50), now)).toBe('1 minute ago');
    expect(formatRelativeTime(ago(5 * 60), now)).toBe('5 minutes ago');
    expect(formatRelativeTime(ago(3 * 3600), now)).toBe('3 hours ago');
    expect(formatRelativeTime(ago(26 * 3600), now)).toBe('yesterday');
    expect(formatRelativeTime(ago(15 * 86400), now)).toBe('2 weeks ago');
    expect(formatRelativeTime(ago(400 * 86400), now)).toBe('last year');
  });

  it('handles the future and bad input', () => {
    expect(formatRelativeTime(new Date(now + 2 * 3600 * 1000).toISOString(), now)).toBe('in 2 hours');
    expect(formatRelativeTime('not a date', now)).toBe('');
  });
});

describe('formatAbsoluteTime', () => {
  it('gives date and time, and nothing for bad input', () => {
    expect(formatAbsoluteTime('2026-03-12T12:00:00Z')).toMatch(/2026/);
    expect(formatAbsoluteTime('nope')).toBe('');
  });
});
