// fillPlaceholders: viewer values are escaped for where they land; unknown and anonymous values are empty.
import { describe, expect, it } from 'vitest';
import { testContext } from '../_lib/test-context';
import { escapeHtml, fillPlaceholders } from './fill-placeholders';

const withUser = (firstName: string, lastName = 'Doe', email = 'jane@customer.example') =>
  testContext({ user: { firstName, lastName, email } });

describe('fillPlaceholders', () => {
  it('fills the viewer and portal placeholders', () => {
    const html = '<p>Hello {{user.firstName}} {{ user.lastName }} ({{user.email}}), welcome to {{portal.name}}.</p>';
    expect(fillPlaceholders(html, withUser('Jane'))).toBe('<p>Hello Jane Doe (jane@customer.example), welcome to Acme Energy.</p>');
  });

  it('escapes markup in a name', () => {
    const out = fillPlaceholders('<p>Hi {{user.firstName}}</p>', withUser('<script>alert(1)</script>'));
    expect(out).toBe('<p>Hi &lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(out).not.toContain('<script>');
  });

  it('escapes quotes and ampersands', () => {
    expect(fillPlaceholders('<p>{{user.firstName}}</p>', withUser(`O'Brien & "Sons"`))).toBe('<p>O&#39;Brien &amp; &quot;Sons&quot;</p>');
  });

  it('escapes the portal name too', () => {
    expect(fillPlaceholders('{{portal.name}}', testContext({ portal: { name: 'A&B <Energy>', slug: 'ab', basePath: '/p/ab' } }))).toBe(
      'A&amp;B &lt;Energy&gt;',
    );
  });

  it('leaves unknown placeholders out', () => {
    expect(fillPlaceholders('<p>a{{user.password}}b{{constructor}}c{{__proto__}}d</p>', withUser('Jane'))).toBe('<p>abcd</p>');
  });

  it('gives an anonymous viewer empty strings', () => {
    expect(fillPlaceholders('<p>Hello {{user.firstName}}{{user.email}}!</p>', testContext({ user: null }))).toBe('<p>Hello !</p>');
  });

  it('URL-encodes values inside tags, so they cannot leave the attribute or change the link scheme', () => {
    const html = '<a href="mailto:{{user.email}}">Mail</a> <a href="{{user.firstName}}">x</a>';
    const out = fillPlaceholders(html, withUser('javascript:alert(1)" onmouseover="x', 'Doe', 'jane@customer.example'));
    expect(out).toBe(
      '<a href="mailto:jane@customer.example">Mail</a> <a href="javascript%3Aalert(1)%22%20onmouseover%3D%22x">x</a>',
    );
    expect(fillPlaceholders(`<a title='{{user.firstName}}'>`, withUser(`x' onclick='y`))).toBe(`<a title='x%27%20onclick%3D%27y'>`);
  });

  it('returns text without placeholders unchanged', () => {
    const html = '<p>Plain &amp; simple</p>';
    expect(fillPlaceholders(html, withUser('Jane'))).toBe(html);
  });

  it('escapes the five HTML special characters', () => {
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});
