// linkAttrs: portal paths go through ctx.href, web links open a new tab safely, unsafe values lose their href.
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { NewTabHint, linkAttrs, telHref } from './links';
import { testContext } from './test-context';

describe('linkAttrs', () => {
  const ctx = testContext();

  it('resolves portal paths under the portal base', () => {
    expect(linkAttrs('/invoices', ctx)).toEqual({ href: '/p/customer/invoices' });
    expect(linkAttrs('/', ctx)).toEqual({ href: '/p/customer/' });
  });

  it('opens web links in a new tab without opener or referrer', () => {
    expect(linkAttrs('https://example.com', ctx)).toEqual({ href: 'https://example.com', target: '_blank', rel: 'noopener noreferrer' });
  });

  it('keeps mailto: and tel: links in place', () => {
    expect(linkAttrs('mailto:a@b.example', ctx)).toEqual({ href: 'mailto:a@b.example' });
    expect(linkAttrs('tel:+15550100', ctx)).toEqual({ href: 'tel:+15550100' });
  });

  it('drops unsafe values that never went through validation', () => {
    expect(linkAttrs('javascript:alert(1)', ctx)).toEqual({});
    expect(linkAttrs('//evil.example', ctx)).toEqual({});
  });

  it('announces new tabs to screen readers only for web links', () => {
    expect(renderToString(<NewTabHint attrs={linkAttrs('https://example.com', ctx)} />)).toContain('opens in a new tab');
    expect(renderToString(<NewTabHint attrs={linkAttrs('/help', ctx)} />)).toBe('');
  });

  it('builds tel: links from written phone numbers', () => {
    expect(telHref('+49 30 1234-567')).toBe('tel:+49301234-567');
    expect(telHref('(555) 0100')).toBe('tel:(555)0100');
  });
});
