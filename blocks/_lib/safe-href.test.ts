// safeHref: portal paths and https/http/mailto/tel only; everything a browser could run or send elsewhere is refused.
import { describe, expect, it } from 'vitest';
import { SAFE_HREF_MESSAGE, isPortalPath, isSafeHref, safeHref, safeHrefOrEmpty } from './safe-href';

describe('safeHref', () => {
  it.each([
    '/',
    '/invoices',
    '/contracts/42?tab=documents#files',
    'https://example.com',
    'https://example.com/path?q=1#x',
    'http://intranet.example/help',
    'HTTPS://EXAMPLE.COM',
    'mailto:service@example.com',
    'mailto:service@example.com?subject=Meter%20reading',
    'tel:+4930123456',
    'tel:+1-555-0100',
  ])('accepts %s', (href) => {
    expect(safeHref.safeParse(href).success).toBe(true);
  });

  it.each([
    ['protocol-relative', '//evil.example'],
    ['protocol-relative with a backslash', '/\\evil.example'],
    ['backslashes', '\\\\evil.example'],
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: in capitals', 'JavaScript:alert(1)'],
    ['javascript: split by a tab', 'java\tscript:alert(1)'],
    ['javascript: after a newline', '\njavascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['file:', 'file:///etc/passwd'],
    ['ftp:', 'ftp://example.com'],
    ['a relative path', 'invoices'],
    ['a dot path', './invoices'],
    ['a host without scheme', 'example.com'],
    ['https without host', 'https://'],
    ['https with one slash', 'https:/example.com'],
    ['spaces inside', '/my invoices'],
    ['mailto without address', 'mailto:'],
    ['tel with letters', 'tel:call-me'],
    ['empty', ''],
  ])('rejects %s', (_name, href) => {
    const result = safeHref.safeParse(href);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]?.message).toBe(SAFE_HREF_MESSAGE);
  });

  it('trims pasted whitespace around a link', () => {
    expect(safeHref.parse('  https://example.com/help \n')).toBe('https://example.com/help');
  });

  it('rejects overly long links', () => {
    expect(safeHref.safeParse(`/${'a'.repeat(2000)}`).success).toBe(false);
  });

  it('allows empty only in the optional variant', () => {
    expect(safeHrefOrEmpty.parse('')).toBe('');
    expect(safeHrefOrEmpty.safeParse('javascript:alert(1)').success).toBe(false);
    expect(safeHrefOrEmpty.parse('/help')).toBe('/help');
  });

  it('tells portal paths from other links', () => {
    expect(isPortalPath('/invoices')).toBe(true);
    expect(isPortalPath('//evil.example')).toBe(false);
    expect(isPortalPath('https://example.com')).toBe(false);
    expect(isSafeHref('mailto:a@b.example')).toBe(true);
  });
});
